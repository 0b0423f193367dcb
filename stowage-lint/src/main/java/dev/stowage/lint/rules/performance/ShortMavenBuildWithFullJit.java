package dev.stowage.lint.rules.performance;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.dockerfile.shell.Word;
import dev.stowage.lint.Category;
import dev.stowage.lint.Fix;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * A Maven build of a single-module project in a RUN step runs for seconds, in a fresh JVM each
 * time. The JVM's default set-up is made for long-running servers: the optimizing (C2) compiler
 * and the parallel collector start threads that compete with the build for the CPU and finish
 * their work when the build is nearly over. The quick (C1) compiler alone and the serial
 * collector, which the JVM picks by itself on a small machine, roughly halve a rebuild's CPU time.
 * The compiled classes and the jar do not change: javac's output does not depend on how the JVM
 * running it was compiled.
 */
@Rule(
    id = "ST1005",
    title = "Short Maven build runs with the JVM's server compiler",
    severity = Severity.INFO,
    category = Category.PERFORMANCE,
    fixable = true)
public final class ShortMavenBuildWithFullJit implements InstructionRule<Instruction.Run> {
  /** The options added to {@code MAVEN_OPTS}. */
  static final String OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

  private static final Set<String> MULTI_PROJECT_FLAGS =
      Set.of("-f", "--file", "-pl", "--projects", "-am", "--also-make", "-amd", "--also-make-dependents", "-T", "--threads");

  @Override
  public Class<Instruction.Run> type() {
    return Instruction.Run.class;
  }

  @Override
  public void check(Instruction.Run run, RuleContext ctx) {
    Optional<ShellScript> script = ctx.shell(run);
    if (script.isEmpty() || !script.get().errors().isEmpty() || ctx.contextDir().isEmpty()
        || ctx.scope().isDeclared("MAVEN_OPTS")) {
      return;
    }
    for (Command c : script.get().commands()) {
      if (!BuildCommands.mavenBuilds(c) || !c.wrappers().isEmpty() || c.nameWord().isEmpty()
          || BuildCommands.setsVariable(script.get(), c, Set.of("MAVEN_OPTS"))
          || c.words().stream().map(w -> w.text().replaceFirst("=.*", "")).anyMatch(MULTI_PROJECT_FLAGS::contains)) {
        continue;
      }
      // The project files are read only for a Maven build (#3 lint speed: not for every RUN).
      if (!singleModule(ctx.contextDir().get())) {
        return;
      }
      Word program = c.nameWord().get();
      int at = ctx.shellSpan(run, program.offset(), program.endOffset()).start();
      ctx.report(
          ctx.shellSpan(run, c.offset(), c.endOffset()),
          "`"
              + BuildCommands.program(c)
              + "` builds a single-module project in a fresh JVM whose server compiler and parallel"
              + " collector compete with the build for the CPU: run it with"
              + " MAVEN_OPTS=\"" + OPTIONS + "\"",
          Fix.insertBefore(at, "MAVEN_OPTS=\"" + OPTIONS + "\" "));
      return;
    }
  }

  /**
   * A project of one module (no {@code <modules>}) whose JVM options are not configured in
   * {@code .mvn/jvm.config}: a multi-module build may run long enough for the server compiler to
   * pay off.
   */
  private static boolean singleModule(Path context) {
    Path pom = context.resolve("pom.xml");
    try {
      return Files.isRegularFile(pom)
          && !Files.readString(pom).contains("<modules>")
          && !Files.exists(context.resolve(".mvn/jvm.config"));
    } catch (IOException | java.io.UncheckedIOException unreadable) {
      return false;
    }
  }
}
