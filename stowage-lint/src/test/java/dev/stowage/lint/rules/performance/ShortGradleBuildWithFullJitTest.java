package dev.stowage.lint.rules.performance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.lint.RuleTester;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShortGradleBuildWithFullJitTest {
  private static final String OPTIONS = "JAVA_TOOL_OPTIONS=\"-XX:TieredStopAtLevel=1 -XX:+UseSerialGC\" ";

  @TempDir Path context;
  private RuleTester tester;

  @BeforeEach
  void singleProject() throws IOException {
    Files.writeString(context.resolve("settings.gradle"), "rootProject.name = 'app'\n");
    Files.writeString(context.resolve("build.gradle"), "apply plugin: 'java'\n");
    tester = RuleTester.of(ShortGradleBuildWithFullJit.class).withContext(context);
  }

  @Test
  void catchesABuildOfASingleProject() {
    var f = tester.catches("FROM gradle:8-jdk21\nWORKDIR /app\nCOPY . .\nRUN gradle build --no-daemon\n");
    assertThat(f.get(0).line()).isEqualTo(4);
    assertThat(f.get(0).message())
        .contains("single project")
        .contains("JAVA_TOOL_OPTIONS=\"-XX:TieredStopAtLevel=1 -XX:+UseSerialGC\"");
  }

  @Test
  void catchesTheWrapperATaskPathAndAKotlinScriptProject() throws IOException {
    tester.check(
        """
        FROM eclipse-temurin:21-jdk
        WORKDIR /app
        COPY . .
        # expect: ST1006
        RUN chmod +x gradlew && ./gradlew --no-daemon :bootJar
        """);
    Files.delete(context.resolve("settings.gradle"));
    Files.delete(context.resolve("build.gradle"));
    Files.writeString(context.resolve("build.gradle.kts"), "plugins { java }\n");
    tester.catches("FROM gradle:8\nWORKDIR /app\nCOPY . .\nRUN gradle -q jar\n");
  }

  @Test
  void acceptsWhatIsNotABuildOrAlreadyTuned() {
    // dependency resolution only: network-bound
    tester.accepts("FROM gradle:8\nWORKDIR /app\nCOPY *.gradle ./\nRUN gradle dependencies --no-daemon\n");
    // JVM options chosen by the Dockerfile, on the command, or exported before
    tester.accepts("FROM gradle:8\nENV GRADLE_OPTS=-Xmx1g\nWORKDIR /app\nCOPY . .\nRUN gradle build\n");
    tester.accepts("FROM gradle:8\nENV JAVA_TOOL_OPTIONS=-Xss1m\nWORKDIR /app\nCOPY . .\nRUN gradle build\n");
    tester.accepts("FROM gradle:8\nWORKDIR /app\nCOPY . .\nRUN JAVA_OPTS=-Xmx1g gradle build\n");
    tester.accepts("FROM gradle:8\nWORKDIR /app\nCOPY . .\nRUN export JAVA_TOOL_OPTIONS=-Xmx1g && gradle build\n");
    // another project directory, or a parallel build: possibly a long one
    tester.accepts("FROM gradle:8\nWORKDIR /app\nCOPY . .\nRUN gradle -p service build\n");
    tester.accepts("FROM gradle:8\nWORKDIR /app\nCOPY . .\nRUN gradle --parallel build\n");
    // exec form: no shell to set the variable in; behind a wrapper
    tester.accepts("FROM gradle:8\nWORKDIR /app\nCOPY . .\nRUN [\"gradle\", \"build\"]\n");
    tester.accepts("FROM gradle:8\nWORKDIR /app\nCOPY . .\nRUN time gradle build\n");
  }

  @Test
  void acceptsMultiProjectBuildsConfiguredDaemonsAndUnknownContexts() throws IOException {
    String build = "FROM gradle:8\nWORKDIR /app\nCOPY . .\nRUN gradle build\n";
    RuleTester.of(ShortGradleBuildWithFullJit.class).accepts(build);
    Files.writeString(context.resolve("gradle.properties"), "org.gradle.jvmargs=-Xmx2g\n");
    tester.accepts(build);
    Files.delete(context.resolve("gradle.properties"));
    Files.writeString(context.resolve("settings.gradle"), "rootProject.name = 'app'\ninclude 'core', 'web'\n");
    tester.accepts(build);
    Files.writeString(context.resolve("settings.gradle"), "includeBuild(\"plugins\")\n");
    tester.accepts(build);
    // a context that is not a Gradle project
    Files.delete(context.resolve("settings.gradle"));
    Files.delete(context.resolve("build.gradle"));
    tester.accepts(build);
  }

  @Test
  void fixSetsTheOptionsOnTheBuildCommand() {
    tester.fixes(
        "FROM gradle:8\nWORKDIR /app\nCOPY . .\nRUN --mount=type=cache,target=/root/.gradle gradle build --no-daemon\n",
        "FROM gradle:8\nWORKDIR /app\nCOPY . .\nRUN --mount=type=cache,target=/root/.gradle "
            + OPTIONS + "gradle build --no-daemon\n");
    tester.fixes(
        "FROM gradle:8\nWORKDIR /app\nCOPY . .\nRUN chmod +x gradlew \\\n && ./gradlew -q bootJar\n",
        "FROM gradle:8\nWORKDIR /app\nCOPY . .\nRUN chmod +x gradlew \\\n && " + OPTIONS + "./gradlew -q bootJar\n");
  }
}
