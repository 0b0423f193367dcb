package dev.stowage.lint.rules.buildkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.lint.Finding;
import dev.stowage.lint.LintOptions;
import dev.stowage.lint.Linter;
import dev.stowage.lint.RuleTester;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopyIgnoredFileTest {
  private final RuleTester tester = RuleTester.of(CopyIgnoredFile.class);
  @TempDir Path dir;

  private RuleTester ignoring(String dockerignore) throws IOException {
    Files.writeString(dir.resolve(".dockerignore"), dockerignore);
    return tester.withContext(dir);
  }

  private void touch(String rel) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, "x");
  }

  @Test
  void catchesIgnoredFileCopied() throws IOException {
    Finding f = ignoring("secret.env\n").catches("FROM alpine\nCOPY secret.env /app/\n").get(0);
    assertThat(f.line()).isEqualTo(2);
    assertThat(f.column()).isEqualTo(6);
    assertThat(f.message())
        .contains("'secret.env'")
        .contains(".dockerignore pattern 'secret.env'")
        .contains("line 1");
  }

  @Test
  void catchesFileIgnoredByDoubleStarPattern() throws IOException {
    ignoring("**/*.log\n").catches("FROM alpine\nCOPY logs/today/app.log /var/log/\n");
  }

  @Test
  void catchesIgnoredDirectoryCopied() throws IOException {
    ignoring("build\n").catches("FROM alpine\nCOPY build/ /srv/\n");
  }

  @Test
  void catchesFileInsideIgnoredDirectory() throws IOException {
    ignoring("docs\n").catches("FROM alpine\nCOPY ./docs/index.html /srv/\n");
  }

  @Test
  void catchesAddOfIgnoredArchive() throws IOException {
    String msg = ignoring("*.tar.gz\n").catches("FROM alpine\nADD app.tar.gz /opt/\n").get(0).message();
    assertThat(msg).startsWith("ADD source 'app.tar.gz'");
  }

  @Test
  void catchesSourceNamedThroughArg() throws IOException {
    ignoring("dist\n").catches("FROM alpine\nARG OUT=dist\nCOPY ${OUT}/app.js /srv/\n");
  }

  @Test
  void catchesWholeContextUnderStarPattern() throws IOException {
    ignoring("*\n").catches("FROM alpine\nCOPY . /src/\n");
  }

  @Test
  void buildKitDocumentedExampleWithRootTmpDirectory() throws IOException {
    // The documentation's `*/tmp/*` needs one directory before tmp/, so BuildKit's matcher (and
    // ours) does not match ./tmp/helloworld.txt; a pattern rooted at tmp/ does.
    ignoring("*/tmp/*\n").accepts("FROM scratch\nCOPY ./tmp/helloworld.txt /helloworld.txt\n");
    ignoring("tmp/*\n").catches("FROM scratch\nCOPY ./tmp/helloworld.txt /helloworld.txt\n");
    ignoring("tmp/*\n").accepts("FROM scratch\nCOPY ./forever/helloworld.txt /helloworld.txt\n");
  }

  @Test
  void acceptsFileBroughtBackByException() throws IOException {
    touch("keep.txt");
    ignoring("*.txt\n!keep.txt\n").accepts("FROM alpine\nCOPY keep.txt /app/\n");
  }

  @Test
  void catchesExcludedExistingFileDespiteUnrelatedException() throws IOException {
    touch("notes.txt");
    ignoring("*.txt\n!keep.txt\n").catches("FROM alpine\nCOPY notes.txt /app/\n");
  }

  @Test
  void acceptsIgnoredDirectoryWithFileBroughtBack() throws IOException {
    touch("config/app.yaml");
    touch("config/local.yaml");
    ignoring("config\n!config/app.yaml\n").accepts("FROM alpine\nCOPY config /etc/app/\n");
  }

  @Test
  void acceptsWholeContextWhenExceptionsSelectFiles() throws IOException {
    ignoring("*\n!go.*\n!*.go\n").accepts("FROM golang\nCOPY . /src/\n");
  }

  @Test
  void acceptsWithoutDockerignore() {
    tester.withContext(dir).accepts("FROM alpine\nCOPY secret.env /app/\n");
  }

  @Test
  void acceptsWithoutKnownContext() {
    tester.accepts("FROM alpine\nCOPY secret.env /app/\n");
  }

  @Test
  void acceptsCopyFromStage() throws IOException {
    ignoring("build\n")
        .accepts("FROM alpine AS b\nRUN mkdir /build\nFROM alpine\nCOPY --from=b build/ /srv/\n");
  }

  @Test
  void acceptsUrlInAdd() throws IOException {
    ignoring("*\n").accepts("FROM alpine\nADD https://example.com/app.tar.gz /opt/\n");
  }

  @Test
  void acceptsHeredocSource() throws IOException {
    ignoring("*\n").accepts("FROM alpine\nCOPY <<EOF /etc/motd\nhello\nEOF\n");
  }

  @Test
  void acceptsSourceNotIgnored() throws IOException {
    ignoring("node_modules\n*.log\n").accepts("FROM node:20\nCOPY package.json src/ /app/\n");
  }

  @Test
  void acceptsWholeContextUnderNarrowPatterns() throws IOException {
    ignoring(".git\nnode_modules\n").accepts("FROM node:20\nCOPY . .\n");
  }

  @Test
  void perDockerfileIgnoreFileReplacesContextOne() throws IOException {
    Files.writeString(dir.resolve(".dockerignore"), "app.js\n");
    Path df = dir.resolve("build.Dockerfile");
    String src = "FROM alpine\nCOPY app.js /srv/\nCOPY secret.env /srv/\n";
    Files.writeString(df, src);
    Files.writeString(dir.resolve("build.Dockerfile.dockerignore"), "secret.env\n");
    List<Finding> findings =
        Linter.of(List.of(new CopyIgnoredFile()))
            .lint(Dockerfile.parse(df.toString(), src), LintOptions.defaults().withContextDir(dir));
    assertThat(findings).extracting(Finding::line).containsExactly(3);
    assertThat(findings.get(0).message()).contains("build.Dockerfile.dockerignore");
  }

  @Test
  void markedExamples() throws IOException {
    ignoring("**/*.md\ncoverage\n")
        .check(
            """
            FROM node:20
            WORKDIR /app
            COPY package.json ./
            # expect: CopyIgnoredFile
            COPY README.md ./
            COPY src/ ./src/
            # expect: CopyIgnoredFile
            COPY coverage/lcov.info /tmp/
            COPY --from=node:20 /usr/local/README.md /tmp/
            """);
  }
}
