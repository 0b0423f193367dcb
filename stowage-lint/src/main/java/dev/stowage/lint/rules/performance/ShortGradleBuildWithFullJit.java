package dev.stowage.lint.rules.performance;

import dev.stowage.lint.Category;
import dev.stowage.lint.Rule;
import dev.stowage.lint.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
public final class ShortGradleBuildWithFullJit extends ShortJvmBuild {
  /** An {@code include} or {@code includeBuild} in a settings script: a multi-project build. */
  private static final Pattern INCLUDES = Pattern.compile("(?m)^\\s*include(Build|Flat)?\\b");

  public ShortGradleBuildWithFullJit() {
    // another project, a chosen set of them, or a parallel build: possibly a long one
    super(
        BuildCommands::gradleBuilds,
        "builds a single project in fresh JVMs",
        "JAVA_TOOL_OPTIONS",
        Set.of("JAVA_TOOL_OPTIONS", "GRADLE_OPTS", "JAVA_OPTS"),
        Set.of("-p", "--project-dir", "-b", "--build-file", "-c", "--settings-file", "--parallel", "--max-workers"));
  }

  /**
   * A Gradle project of one project (no {@code include} in its settings script) whose daemon JVM
   * is not configured in {@code gradle.properties}.
   */
  @Override
  boolean smallProject(Path context) {
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
