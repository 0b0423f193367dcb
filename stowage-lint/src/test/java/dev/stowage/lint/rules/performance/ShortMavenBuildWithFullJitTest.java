package dev.stowage.lint.rules.performance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.lint.RuleTester;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShortMavenBuildWithFullJitTest {
  @TempDir Path context;
  private RuleTester tester;

  @BeforeEach
  void singleModuleProject() throws IOException {
    Files.writeString(context.resolve("pom.xml"), "<project><artifactId>app</artifactId></project>\n");
    tester = RuleTester.of(ShortMavenBuildWithFullJit.class).withContext(context);
  }

  @Test
  void catchesAPackageBuildOfASingleModuleProject() {
    var f = tester.catches("FROM maven:3.9-eclipse-temurin-21\nWORKDIR /app\nCOPY . .\nRUN mvn -B package -DskipTests\n");
    assertThat(f.get(0).line()).isEqualTo(4);
    assertThat(f.get(0).message()).contains("single-module").contains("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
  }

  @Test
  void catchesTheWrapperAndABuildChainedWithOtherCommands() {
    tester.check(
        """
        FROM eclipse-temurin:21-jdk
        WORKDIR /app
        COPY . .
        # expect: ST1005
        RUN chmod +x mvnw && ./mvnw -B verify
        # a word that names the variable without setting it chooses nothing
        # expect: ST1005
        RUN unset MAVEN_OPTS && mvn -B package
        """);
  }

  @Test
  void acceptsWhatIsNotABuildOrAlreadyTuned() {
    // dependency resolution only: network-bound
    tester.accepts("FROM maven:3.9\nWORKDIR /app\nCOPY pom.xml .\nRUN mvn -B dependency:go-offline\n");
    // MAVEN_OPTS chosen by the Dockerfile, on the command, or exported before
    tester.accepts("FROM maven:3.9\nENV MAVEN_OPTS=-Xmx1g\nWORKDIR /app\nCOPY . .\nRUN mvn -B package\n");
    tester.accepts("FROM maven:3.9\nWORKDIR /app\nCOPY . .\nRUN MAVEN_OPTS=-Xmx1g mvn -B package\n");
    tester.accepts("FROM maven:3.9\nWORKDIR /app\nCOPY . .\nRUN export MAVEN_OPTS=-Xmx1g && mvn -B package\n");
    // a reactor build of chosen modules, or parallel threads: a long build
    tester.accepts("FROM maven:3.9\nWORKDIR /app\nCOPY . .\nRUN mvn -B -pl app -am package\n");
    tester.accepts("FROM maven:3.9\nWORKDIR /app\nCOPY . .\nRUN mvn -B -T 4 package\n");
    // exec form: no shell to set the variable in
    tester.accepts("FROM maven:3.9\nWORKDIR /app\nCOPY . .\nRUN [\"mvn\", \"-B\", \"package\"]\n");
    // behind a wrapper that would take the assignment for a program
    tester.accepts("FROM maven:3.9\nWORKDIR /app\nCOPY . .\nRUN time mvn -B package\n");
  }

  @Test
  void acceptsMultiModuleProjectsAndConfiguredJvmsAndUnknownContexts() throws IOException {
    String build = "FROM maven:3.9\nWORKDIR /app\nCOPY . .\nRUN mvn -B package\n";
    RuleTester.of(ShortMavenBuildWithFullJit.class).accepts(build);
    Files.createDirectories(context.resolve(".mvn"));
    Files.writeString(context.resolve(".mvn/jvm.config"), "-Xmx2g\n");
    tester.accepts(build);
    Files.delete(context.resolve(".mvn/jvm.config"));
    Files.writeString(context.resolve("pom.xml"), "<project><modules><module>a</module></modules></project>\n");
    tester.accepts(build);
  }

  @Test
  void fixSetsMavenOptsOnTheBuildCommand() {
    tester.fixes(
        "FROM maven:3.9\nWORKDIR /app\nCOPY . .\nRUN --mount=type=cache,target=/root/.m2 mvn -B package -DskipTests\n",
        "FROM maven:3.9\nWORKDIR /app\nCOPY . .\nRUN --mount=type=cache,target=/root/.m2"
            + " MAVEN_OPTS=\"-XX:TieredStopAtLevel=1 -XX:+UseSerialGC\" mvn -B package -DskipTests\n");
    tester.fixes(
        "FROM maven:3.9\nWORKDIR /app\nCOPY . .\nRUN chmod +x mvnw \\\n && ./mvnw -B verify\n",
        "FROM maven:3.9\nWORKDIR /app\nCOPY . .\nRUN chmod +x mvnw \\\n"
            + " && MAVEN_OPTS=\"-XX:TieredStopAtLevel=1 -XX:+UseSerialGC\" ./mvnw -B verify\n");
    tester.fixUnchanged("FROM maven:3.9\nWORKDIR /app\nCOPY . .\nRUN mvn -B dependency:go-offline\n");
  }
}
