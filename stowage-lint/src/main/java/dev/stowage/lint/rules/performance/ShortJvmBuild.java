package dev.stowage.lint.rules.performance;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.dockerfile.shell.Word;
import dev.stowage.lint.Fix;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.RuleContext;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What ST1005 (Maven) and ST1006 (Gradle) share: a short build of a small project in a RUN step,
 * run by fresh JVMs with the server compiler and the parallel collector, gets the C1 compiler and
 * the serial collector through a variable assigned on the build command itself. A subclass says
 * which commands build, which variables already choose the JVM's options, which flags mean a
 * larger build, and whether the context holds a small project.
 */
abstract class ShortJvmBuild implements InstructionRule<Instruction.Run> {
  /** The JVM options the fix sets. */
  static final String OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

  private final Predicate<Command> builds;
  private final String what;
  private final String variable;
  private final Set<String> chosenBy;
  private final Set<String> largerBuildFlags;

  /**
   * @param builds whether a command builds the project's artefact
   * @param what what the finding says the command builds, after the program's name
   * @param variable the variable the fix assigns on the command
   * @param chosenBy the variables that, set anywhere before, mean the JVM's options are chosen
   * @param largerBuildFlags the build tool's flags that select other or more projects, or threads
   */
  ShortJvmBuild(
      Predicate<Command> builds, String what, String variable, Set<String> chosenBy, Set<String> largerBuildFlags) {
    this.builds = builds;
    this.what = what;
    this.variable = variable;
    this.chosenBy = chosenBy;
    this.largerBuildFlags = largerBuildFlags;
  }

  /** The context holds one small project whose JVM options the project itself does not set. */
  abstract boolean smallProject(Path context);

  @Override
  public final Class<Instruction.Run> type() {
    return Instruction.Run.class;
  }

  @Override
  public final void check(Instruction.Run run, RuleContext ctx) {
    Optional<ShellScript> script = ctx.shell(run);
    if (script.isEmpty() || !script.get().errors().isEmpty() || ctx.contextDir().isEmpty()
        || chosenBy.stream().anyMatch(ctx.scope()::isDeclared)) {
      return;
    }
    for (Command c : script.get().commands()) {
      if (!builds.test(c) || !c.wrappers().isEmpty() || c.nameWord().isEmpty()
          || BuildCommands.setsVariable(script.get(), c, chosenBy)
          || c.words().stream().map(w -> w.text().replaceFirst("=.*", "")).anyMatch(largerBuildFlags::contains)) {
        continue;
      }
      // The project files are read only for a build command (#3 lint speed: not for every RUN).
      if (!smallProject(ctx.contextDir().get())) {
        return;
      }
      Word program = c.nameWord().get();
      int at = ctx.shellSpan(run, program.offset(), program.endOffset()).start();
      String assignment = variable + "=\"" + OPTIONS + "\"";
      ctx.report(
          ctx.shellSpan(run, c.offset(), c.endOffset()),
          "`" + BuildCommands.program(c) + "` " + what + " whose server compiler and parallel"
              + " collector compete with the build for the CPU: run it with " + assignment,
          Fix.insertBefore(at, assignment + " "));
      return;
    }
  }
}
