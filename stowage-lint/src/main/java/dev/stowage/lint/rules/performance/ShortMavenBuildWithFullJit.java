package dev.stowage.lint.rules.performance;

import dev.stowage.lint.Category;
import dev.stowage.lint.Rule;
import dev.stowage.lint.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
public final class ShortMavenBuildWithFullJit extends ShortJvmBuild {
  public ShortMavenBuildWithFullJit() {
    super(
        BuildCommands::mavenBuilds,
        "builds a single-module project in a fresh JVM",
        "MAVEN_OPTS",
        Set.of("MAVEN_OPTS"),
        Set.of("-f", "--file", "-pl", "--projects", "-am", "--also-make", "-amd", "--also-make-dependents", "-T", "--threads"));
  }

  /**
   * A project of one module (no {@code <modules>}) whose JVM options are not configured in
   * {@code .mvn/jvm.config}: a multi-module build may run long enough for the server compiler to
   * pay off.
   */
  @Override
  boolean smallProject(Path context) {
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
