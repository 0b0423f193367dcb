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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Gradle counterpart of {@link ShortMavenBuildWithFullJit}: a single-project Gradle build in a
 * RUN step starts a client JVM and, unless that JVM's options happen to match the build's, a
 * single-use daemon JVM, both with the server compiler and the parallel collector. The options go
 * in {@code JAVA_TOOL_OPTIONS}, which every JVM the step starts reads, whatever the Gradle version:
 * {@code GRADLE_OPTS} reaches the client only, and the daemon's options come from {@code
 * gradle.properties}.
 */
@Rule(
    id = "ST1006",
    title = "Short Gradle build runs with the JVM's server compiler",
    severity = Severity.INFO,
    category = Category.PERFORMANCE,
    fixable = true)
public final class ShortGradleBuildWithFullJit implements InstructionRule<Instruction.Run> {
  private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "GRADLE_OPTS", "JAVA_OPTS");

  /** Flags that build another project, a chosen set of them, or in parallel: possibly long builds. */
  private static final Set<String> OTHER_PROJECT_FLAGS =
      Set.of("-p", "--project-dir", "-b", "--build-file", "-c", "--settings-file", "--parallel", "--max-workers");

  /** An {@code include} or {@code includeBuild} in a settings script: a multi-project build. */
  private static final Pattern INCLUDES = Pattern.compile("(?m)^\\s*include(Build|Flat)?\\b");

  @Override
  public Class<Instruction.Run> type() {
    return Instruction.Run.class;
  }

  @Override
  public void check(Instruction.Run run, RuleContext ctx) {
    Optional<ShellScript> script = ctx.shell(run);
    if (script.isEmpty() || !script.get().errors().isEmpty() || ctx.contextDir().isEmpty()
        || JVM_VARIABLES.stream().anyMatch(ctx.scope()::isDeclared)) {
      return;
    }
    for (Command c : script.get().commands()) {
      if (!BuildCommands.gradleBuilds(c) || !c.wrappers().isEmpty() || c.nameWord().isEmpty()
          || BuildCommands.setsVariable(script.get(), c, JVM_VARIABLES)
          || c.words().stream().map(w -> w.text().replaceFirst("=.*", "")).anyMatch(OTHER_PROJECT_FLAGS::contains)) {
        continue;
      }
      // The project files are read only for a Gradle build (#3 lint speed: not for every RUN).
      if (!singleProject(ctx.contextDir().get())) {
        return;
      }
      Word program = c.nameWord().get();
      int at = ctx.shellSpan(run, program.offset(), program.endOffset()).start();
      ctx.report(
          ctx.shellSpan(run, c.offset(), c.endOffset()),
          "`"
              + BuildCommands.program(c)
              + "` builds a single project in fresh JVMs whose server compiler and parallel"
              + " collector compete with the build for the CPU: run it with"
              + " JAVA_TOOL_OPTIONS=\"" + ShortMavenBuildWithFullJit.OPTIONS + "\"",
          Fix.insertBefore(at, "JAVA_TOOL_OPTIONS=\"" + ShortMavenBuildWithFullJit.OPTIONS + "\" "));
      return;
    }
  }

  /**
   * A Gradle project of one project (no {@code include} in its settings script) whose daemon JVM
   * is not configured in {@code gradle.properties}.
   */
  private static boolean singleProject(Path context) {
    try {
      boolean found = false;
      for (String script : List.of("build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts")) {
        Path p = context.resolve(script);
        if (Files.isRegularFile(p)) {
          found = true;
          if (script.startsWith("settings") && INCLUDES.matcher(Files.readString(p)).find()) {
            return false;
          }
        }
      }
      Path properties = context.resolve("gradle.properties");
      return found
          && !(Files.isRegularFile(properties) && Files.readString(properties).contains("org.gradle.jvmargs"));
    } catch (IOException | java.io.UncheckedIOException unreadable) {
      return false;
    }
  }
}
