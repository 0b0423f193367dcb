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
        DockerIgnoreCompletion.of(dir, Dockerfile.parse("FROM node:22\nCOPY . /app\n"));
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
        DockerIgnoreCompletion.of(dir, Dockerfile.parse("FROM node:22\nCOPY . /app\n"));
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
    Dockerfile df = Dockerfile.parse("FROM node:22\nCOPY . /app\n");
    DockerIgnoreCompletion first = DockerIgnoreCompletion.of(dir, df);
    Files.writeString(dir.resolve(".dockerignore"), first.after());
    DockerIgnoreCompletion second = DockerIgnoreCompletion.of(dir, df);
    assertThat(second.changed()).isFalse();
    assertThat(second.after()).isEqualTo(first.after());
  }
}
