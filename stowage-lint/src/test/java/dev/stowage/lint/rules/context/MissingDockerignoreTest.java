package dev.stowage.lint.rules.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.lint.Finding;
import dev.stowage.lint.RuleTester;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MissingDockerignoreTest {
  private final RuleTester tester = RuleTester.of(MissingDockerignore.class);
  @TempDir Path dir;

  private void write(String rel, int bytes) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.write(p, new byte[bytes]);
  }

  @Test
  void catchesGitAndNodeModulesAndNamesTheirSizes() throws IOException {
    write(".git/HEAD", 40);
    write("node_modules/react/index.js", 3000);
    write("index.js", 10);
    List<Finding> f = tester.withContext(dir).catches("FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\n");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).line()).isEqualTo(3);
    assertThat(f.get(0).message())
        .contains("node_modules/ (2.9 kB, installed dependencies)")
        .contains(".git/ (40 B");
  }

  @Test
  void catchesVirtualenvCopiedByItsParent() throws IOException {
    write("app/.venv/lib/site.py", 100);
    write("app/main.py", 10);
    tester.withContext(dir).catchesAt("FROM python:3.12\nCOPY app /app\nRUN pip install -r /app/requirements.txt\n", 2);
  }

  @Test
  void acceptsWhenNothingCopiedTakesTheItems() throws IOException {
    write("node_modules/react/index.js", 3000);
    write("package.json", 10);
    tester.withContext(dir).accepts("FROM node:20\nCOPY package.json /app/\nRUN npm ci\n");
  }

  @Test
  void acceptsWhenDockerignoreExistsOrContextUnknown() throws IOException {
    write("node_modules/react/index.js", 3000);
    tester.accepts("FROM node:20\nCOPY . .\n");
    Files.writeString(dir.resolve(".dockerignore"), "node_modules\n");
    tester.withContext(dir).accepts("FROM node:20\nCOPY . .\n");
  }

  @Test
  void acceptsWhatTheImageRunsOn() throws IOException {
    // No install step: the image runs on the context's node_modules; no build: on its target/.
    write("node_modules/react/index.js", 3000);
    write("index.js", 10);
    tester.withContext(dir).accepts("FROM node:20\nWORKDIR /app\nCOPY . .\nCMD [\"node\", \"index.js\"]\n");
    write("target/app.jar", 500);
    write("pom.xml", 10);
    Files.delete(dir.resolve("node_modules/react/index.js"));
    Files.delete(dir.resolve("node_modules/react"));
    Files.delete(dir.resolve("node_modules"));
    tester.withContext(dir).accepts("FROM eclipse-temurin:21-jre\nCOPY . /app\nCMD [\"java\", \"-jar\", \"/app/target/app.jar\"]\n");
  }

  @Test
  void acceptsCleanContext() throws IOException {
    write("src/main.go", 100);
    tester.withContext(dir).accepts("FROM golang:1.22\nCOPY . .\n");
  }

  @Test
  void marksExactLines() throws IOException {
    write("target/app.jar", 500);
    write("target/classes/A.class", 50);
    write("pom.xml", 10);
    tester
        .withContext(dir)
        .check(
            """
            FROM maven:3.9-eclipse-temurin-21 AS build
            COPY pom.xml /src/
            # expect: ST5001
            COPY . /src/
            RUN mvn -B -f /src/pom.xml package
            FROM eclipse-temurin:21-jre
            COPY --from=build /src/target/app.jar /app.jar
            """);
  }
}
