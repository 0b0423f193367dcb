package dev.stowage.lint.rules.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.lint.RuleTester;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerignoreMissesItemsTest {
  private final RuleTester tester = RuleTester.of(DockerignoreMissesItems.class);
  @TempDir Path dir;

  private void write(String rel, int bytes) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.write(p, new byte[bytes]);
  }

  @Test
  void catchesNodeModulesNotExcluded() throws IOException {
    write("node_modules/react/index.js", 3000);
    write("index.js", 10);
    Files.writeString(dir.resolve(".dockerignore"), "*.log\n");
    String msg = tester.withContext(dir).catches("FROM node:20\nCOPY . .\nRUN npm ci\n").get(0).message();
    assertThat(msg).contains("node_modules/").contains("add node_modules");
  }

  @Test
  void catchesLargeFiles() throws IOException {
    Files.writeString(dir.resolve(".dockerignore"), ".git\n");
    try (RandomAccessFile f = new RandomAccessFile(dir.resolve("dump.sql").toFile(), "rw")) {
      f.setLength(20L * 1024 * 1024);
    }
    assertThat(
            tester
                .withContext(dir)
                .catches("FROM postgres:16\nCOPY . /docker-entrypoint-initdb.d/\n")
                .get(0)
                .message())
        .contains("dump.sql (20.0 MB, large file)");
  }

  @Test
  void catchesGitBroughtBackByAnException() throws IOException {
    write(".git/HEAD", 40);
    Files.writeString(dir.resolve(".dockerignore"), "*\n!.git\n");
    tester.withContext(dir).catches("FROM alpine:3.20\nCOPY . .\n");
  }

  @Test
  void acceptsWhenExcluded() throws IOException {
    write("node_modules/react/index.js", 3000);
    write(".git/HEAD", 40);
    Files.writeString(dir.resolve(".dockerignore"), "**/node_modules\n.git\n");
    tester.withContext(dir).accepts("FROM node:20\nCOPY . .\n");
  }

  @Test
  void acceptsNodeModulesTheImageRunsOn() throws IOException {
    write("node_modules/react/index.js", 3000);
    Files.writeString(dir.resolve(".dockerignore"), "*.log\n");
    tester.withContext(dir).accepts("FROM node:20\nCOPY . .\nCMD [\"node\", \"index.js\"]\n");
  }

  @Test
  void acceptsWithoutDockerignore() throws IOException {
    write("node_modules/react/index.js", 3000);
    tester.withContext(dir).accepts("FROM node:20\nCOPY . .\n"); // ST5001's case
  }

  @Test
  void marksExactLines() throws IOException {
    write("web/node_modules/x/index.js", 100);
    write("web/index.js", 10);
    Files.writeString(dir.resolve(".dockerignore"), "node_modules\n");
    tester
        .withContext(dir)
        .check(
            """
            FROM node:20
            COPY package.json /app/
            # expect: ST5002
            COPY . /app/
            RUN npm ci
            """);
  }
}
