package dev.stowage.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.dockerfile.Dockerfile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerIgnoreCompletionTest {
  @TempDir Path dir;

  private void context() throws Exception {
    Files.createDirectories(dir.resolve(".git/objects"));
    Files.writeString(dir.resolve(".git/HEAD"), "ref: refs/heads/main\n");
    Files.createDirectories(dir.resolve("node_modules/left-pad"));
    Files.writeString(dir.resolve("node_modules/left-pad/index.js"), "module.exports = 1;\n");
    Files.writeString(dir.resolve(".env"), "TOKEN=abc\n");
    Files.writeString(dir.resolve("server.js"), "console.log(1)\n");
    Files.writeString(dir.resolve("package.json"), "{}\n");
  }

  @Test
  void writesANewFileWithTheItemsTheBuildWouldSend() throws Exception {
    context();
    DockerIgnoreCompletion c =
        DockerIgnoreCompletion.of(dir, Dockerfile.parse("FROM node:22\nCOPY . /app\nRUN npm ci\n"));
    assertThat(c.existed()).isFalse();
    assertThat(c.after())
        .startsWith(DockerIgnoreCompletion.HEADING + "\n")
        .contains("\n.git\n", "\nnode_modules\n", "\n.env\n")
        .doesNotContain("server.js");
  }

  @Test
  void keepsTheUsersLinesAndAddsOnlyWhatIsMissing() throws Exception {
    context();
    Files.writeString(dir.resolve(".dockerignore"), "# mine\nnode_modules");
    DockerIgnoreCompletion c =
        DockerIgnoreCompletion.of(dir, Dockerfile.parse("FROM node:22\nCOPY . /app\nRUN npm ci\n"));
    assertThat(c.after()).startsWith("# mine\nnode_modules\n\n" + DockerIgnoreCompletion.HEADING);
    assertThat(c.after().lines().filter(l -> l.equals("node_modules"))).hasSize(1);
    assertThat(c.added()).extracting(i -> i.path()).containsExactlyInAnyOrder(".git", ".env");
  }

  @Test
  void leavesOutWhatTheDockerfileCopiesByName() throws Exception {
    context();
    DockerIgnoreCompletion c =
        DockerIgnoreCompletion.of(
            dir, Dockerfile.parse("FROM node:22\nCOPY .env /app/.env\nCOPY node_modules/left-pad /x\nCOPY . /app\n"));
    assertThat(c.added()).extracting(i -> i.path()).containsExactly(".git");
  }

  @Test
  void completingTwiceAddsNothing() throws Exception {
    context();
    Dockerfile df = Dockerfile.parse("FROM node:22\nCOPY . /app\nRUN npm ci\n");
    DockerIgnoreCompletion first = DockerIgnoreCompletion.of(dir, df);
    Files.writeString(dir.resolve(".dockerignore"), first.after());
    DockerIgnoreCompletion second = DockerIgnoreCompletion.of(dir, df);
    assertThat(second.changed()).isFalse();
    assertThat(second.after()).isEqualTo(first.after());
  }

  private java.util.List<String> added(String dockerfile) throws Exception {
    return DockerIgnoreCompletion.of(dir, Dockerfile.parse(dockerfile)).added().stream().map(i -> i.path()).toList();
  }

  @Test
  void keepsInstalledDependenciesTheDockerfileDoesNotInstallItself() throws Exception {
    context();
    // The image runs on the node_modules the context brings: leaving them out breaks it.
    assertThat(added("FROM node:22\nWORKDIR /app\nCOPY . .\nCMD [\"node\", \"server.js\"]\n"))
        .containsExactlyInAnyOrder(".git", ".env");
    assertThat(added("FROM node:22\nWORKDIR /app\nCOPY . .\nRUN yarn install --frozen-lockfile\n"))
        .contains("node_modules");
    assertThat(added("FROM node:22 AS deps\nCOPY package.json .\nRUN npm ci\nFROM node:22\nCOPY . .\n"
        + "COPY --from=deps /node_modules ./node_modules\n")).contains("node_modules");
  }

  @Test
  void keepsBuildOutputUnlessTheDockerfileBuildsItAgain() throws Exception {
    context();
    Files.createDirectories(dir.resolve("dist"));
    Files.writeString(dir.resolve("dist/server.js"), "console.log(2)\n");
    String prebuilt = "FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD [\"node\", \"dist/server.js\"]\n";
    assertThat(added(prebuilt)).doesNotContain("dist").contains("node_modules");
    assertThat(added(prebuilt.replace("RUN npm ci", "RUN npm ci && npm run build"))).contains("dist");
    // not named, yet `npm start` may run it: only a build in the Dockerfile makes it expendable
    assertThat(added("FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD [\"npm\", \"start\"]\n"))
        .doesNotContain("dist");
    Files.createDirectories(dir.resolve(".next"));
    Files.writeString(dir.resolve(".next/BUILD_ID"), "x\n");
    assertThat(added("FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD [\"npx\", \"next\", \"start\"]\n"))
        .doesNotContain(".next");
    assertThat(added("FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nCMD [\"npx\", \"next\", \"start\"]\n"))
        .contains(".next");

    Files.writeString(dir.resolve("pom.xml"), "<project/>\n");
    Files.createDirectories(dir.resolve("target"));
    Files.writeString(dir.resolve("target/app.jar"), "jar\n");
    String jar = "FROM eclipse-temurin:21-jre\nWORKDIR /app\nCOPY . .\nCMD java -jar target/app.jar\n";
    assertThat(added(jar)).doesNotContain("target");
    assertThat(added(jar.replace("WORKDIR /app\n", "WORKDIR /app\nRUN mvn -B package\n"))).contains("target");
    assertThat(added("FROM maven:3 AS build\nCOPY . .\nRUN mvn -B package\nFROM eclipse-temurin:21-jre\n"
        + "COPY --from=build /target/app.jar /app.jar\n")).contains("target");
  }

  @Test
  void keepsVersionControlForGitAndSecretsAStepReads() throws Exception {
    context();
    assertThat(added("FROM node:22\nCOPY . /app\nRUN npm ci && git rev-parse HEAD > /app/REVISION\n"))
        .doesNotContain(".git");
    assertThat(added("FROM node:22\nCOPY . /app\nRUN npm ci\nCMD [\"sh\", \"-c\", \". /app/.env && node /app/server.js\"]\n"))
        .doesNotContain(".env");
  }

  @Test
  void keepsAVirtualenvUnlessPythonPackagesAreInstalled() throws Exception {
    Files.createDirectories(dir.resolve(".venv/bin"));
    Files.writeString(dir.resolve(".venv/bin/python"), "#!/bin/sh\n");
    Files.writeString(dir.resolve("app.py"), "print(1)\n");
    assertThat(added("FROM python:3.12\nCOPY . /app\nCMD [\"python\", \"/app/app.py\"]\n")).doesNotContain(".venv");
    assertThat(added("FROM python:3.12\nCOPY . /app\nRUN pip install -r /app/requirements.txt\n")).contains(".venv");
    assertThat(added("FROM python:3.12\nCOPY . /app\nRUN python3 -m pip install /app\n")).contains(".venv");
  }
}
