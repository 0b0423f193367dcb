package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.fix.FileRewriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final String BEFORE =
      """
      FROM debian:12
      # tools
      RUN apt-get update && apt-get install curl
      ADD app.conf /etc/app.conf
      """;

  private static final String AFTER =
      """
      FROM debian:12
      RUN useradd --uid 10001 --user-group --no-create-home --no-log-init --home-dir /nonexistent --shell /usr/sbin/nologin app
      # tools
      RUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt/lists,sharing=locked apt-get update && apt-get install --no-install-recommends -y curl
      USER 10001:10001
      COPY app.conf /etc/app.conf
      """;

  @TempDir Path dir;

  private Path dockerfile(String text) throws IOException {
    Path f = dir.resolve("Dockerfile");
    Files.writeString(f, text);
    return f;
  }

  private static String[] args(String... a) {
    return a;
  }

  @Test
  void printsTheFixedFileByDefault() throws IOException {
    Path f = dockerfile(BEFORE);
    Cli.Result r = Cli.run("fix", "--no-config", f.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(AFTER);
    assertThat(f).hasContent(BEFORE.strip());
  }

  @Test
  void readsStandardInput() {
    Cli.Result r = Cli.runWithStdin(BEFORE, "fix", "--no-config", "-");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(AFTER);
  }

  @Test
  void aCleanFileComesBackByteForByte() throws IOException {
    String clean = "FROM alpine:3.20\r\n\r\nCOPY app /app\r\nUSER 65532\r\nENTRYPOINT [\"/app\"]";
    Path f = dockerfile(clean);
    Cli.Result r = Cli.run("fix", "--no-config", f.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo(clean);
    Cli.Result d = Cli.run("fix", "--no-config", "--diff", f.toString());
    assertThat(d.out()).isEmpty();
  }

  @Test
  void diffIsUnifiedWithGitHeaders() throws IOException {
    Path f = dockerfile(BEFORE);
    Cli.Result r = Cli.run("fix", "--no-config", "--diff", f.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .startsWith("--- a/" + f.toString().substring(1) + "\n+++ b/" + f.toString().substring(1) + "\n@@ -1,4 +1,6 @@\n")
        .contains("-ADD app.conf /etc/app.conf\n", "+COPY app.conf /etc/app.conf\n")
        .contains(" # tools\n");
  }

  @Test
  void writeReplacesTheFileKeepsPermissionsAndABackup() throws IOException {
    Path f = dockerfile(BEFORE);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw-r--"));
    Cli.Result r = Cli.run("fix", "--no-config", "--write", f.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(f)).isEqualTo(AFTER);
    assertThat(Files.readString(dir.resolve("Dockerfile.orig"))).isEqualTo(BEFORE);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-rw-r--");
    assertThat(r.err()).contains("change(s) written").contains("Dockerfile.orig");
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s).as("no temporary file left").hasSize(2);
    }
    Cli.Result again = Cli.run("fix", "--no-config", "--write", "--no-backup", f.toString());
    assertThat(again.err()).contains("nothing to fix");
    assertThat(Files.readString(dir.resolve("Dockerfile.orig"))).isEqualTo(BEFORE);
  }

  @Test
  void noBackupKeepsNoOrigFile() throws IOException {
    Path f = dockerfile(BEFORE);
    Cli.Result r = Cli.run("fix", "--no-config", "--write", "--no-backup", f.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(Files.readString(f)).isEqualTo(AFTER);
    assertThat(dir.resolve("Dockerfile.orig")).doesNotExist();
  }

  @Test
  void writeRefusesWhenTheFileChangedMeanwhile() throws IOException {
    Path f = dockerfile(BEFORE);
    String theirs = BEFORE + "EXPOSE 80\n";
    Cli.Result r =
        Cli.run(
            new ByteArrayInputStream(new byte[0]),
            cl ->
                ((FixCommand) cl.getSubcommands().get("fix").getCommand()).rewriter =
                    FileRewriter.withHook(t -> Files.writeString(t, theirs)),
            args("fix", "--no-config", "--write", "--no-backup", f.toString()));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip()).startsWith("stowage: " + f.toRealPath()).contains("changed since it was read")
        .doesNotContain("\n");
    assertThat(Files.readString(f)).isEqualTo(theirs);
  }

  @Test
  void aSyntaxErrorExitsTwoAndLeavesTheFileAlone() throws IOException {
    String broken = "FROM debian:12\nADD a /a\nENV PATH\n";
    Path f = dockerfile(broken);
    Cli.Result r = Cli.run("fix", "--no-config", "--write", f.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("stowage: " + f + ":3:").contains("nothing was changed");
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(Files.readString(f)).isEqualTo(broken);
    assertThat(dir.resolve("Dockerfile.orig")).doesNotExist();
  }

  @Test
  void onlyAndExceptPickRules() throws IOException {
    Path f = dockerfile(BEFORE);
    Cli.Result only = Cli.run("fix", "--no-config", "--only", "DL3020", f.toString());
    assertThat(only.out()).contains("COPY app.conf").contains("apt-get install curl\n");
    Cli.Result except =
        Cli.run("fix", "--no-config", "--except", "DL3020,DL3015", "--except", "dl3009", f.toString());
    assertThat(except.out()).contains("ADD app.conf").contains("apt-get install -y curl\n");
  }

  @Test
  void usageErrorsExitTwo() throws IOException {
    Path f = dockerfile(BEFORE);
    Cli.Result unknown = Cli.run("fix", "--only", "DL9999", f.toString());
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("--only: unknown rule 'DL9999'");
    assertThat(Cli.run("fix", "--diff", "--write", f.toString()).exitCode()).isEqualTo(2);
    Cli.Result stdinWrite = Cli.runWithStdin(BEFORE, "fix", "--write", "-");
    assertThat(stdinWrite.exitCode()).isEqualTo(2);
    assertThat(stdinWrite.err()).contains("needs a file");
    assertThat(Cli.run("fix", dir.resolve("missing").toString()).exitCode()).isEqualTo(2);
    assertThat(Cli.run("fix", "--format", "xml", f.toString()).exitCode()).isEqualTo(2);
  }

  @Test
  void explainPrintsEachChangeWithReasonAndEffectOnStandardError() throws IOException {
    Path f = dockerfile(BEFORE);
    Cli.Result r = Cli.run("fix", "--no-config", "--explain", f.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo(AFTER);
    assertThat(r.err())
        .contains(f + ":4: DL3020 ")
        .contains(f + ":3: DL3015 ")
        .contains("    why: ")
        .contains("    effect: smaller image");
  }

  @Test
  void jsonListsTheChangesAndTheFixedText() throws IOException {
    Path f = dockerfile(BEFORE);
    Cli.Result r = Cli.run("fix", "--no-config", "--format", "json", "--explain", f.toString());
    assertThat(r.exitCode()).isZero();
    JsonNode json = MAPPER.readTree(r.out());
    assertThat(json.get("file").asText()).isEqualTo(f.toString());
    assertThat(json.get("fixed").asText()).isEqualTo(AFTER);
    assertThat(json.get("changes")).hasSizeGreaterThanOrEqualTo(4);
    // in the order of the lines their findings point at: ST3001's on FROM, then the RUN's
    JsonNode first = json.get("changes").get(0);
    assertThat(first.get("rule").asText()).isEqualTo("ST3001");
    assertThat(first.get("line").asInt()).isEqualTo(1);
    JsonNode second = json.get("changes").get(1);
    assertThat(second.get("rule").asText()).matches("DL30\\d\\d|ST1002");
    assertThat(second.get("line").asInt()).isEqualTo(3);
    assertThat(second.get("effect").asText()).isNotBlank();
    assertThat(r.err()).isEmpty();
  }

  @Test
  void dockerignoreIsShownAsADiffAndWrittenKeepingTheUsersLines() throws IOException {
    // the Dockerfile installs its own node_modules, so the context's are not needed
    Path f = dockerfile("FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\n");
    Files.createDirectories(dir.resolve(".git"));
    Files.writeString(dir.resolve(".git/HEAD"), "ref: refs/heads/main\n");
    Files.createDirectories(dir.resolve("node_modules/x"));
    Files.writeString(dir.resolve("node_modules/x/index.js"), "1\n");
    Files.writeString(dir.resolve(".dockerignore"), "*.md\n");
    Cli.Result d = Cli.run("fix", "--no-config", "--dockerignore", "--diff", f.toString());
    assertThat(d.exitCode()).as(d.err()).isZero();
    assertThat(d.out()).contains("--- a/.dockerignore\n+++ b/.dockerignore\n").contains("+.git\n", "+node_modules\n");
    assertThat(dir.resolve(".dockerignore")).hasContent("*.md");
    Cli.Result w = Cli.run("fix", "--no-config", "--dockerignore", "--write", f.toString());
    assertThat(w.exitCode()).as(w.err()).isZero();
    assertThat(Files.readString(dir.resolve(".dockerignore"))).startsWith("*.md\n").contains("\n.git\n", "\nnode_modules\n");
    Cli.Result again = Cli.run("fix", "--no-config", "--dockerignore", "--diff", f.toString());
    assertThat(again.out()).as("nothing left to add").doesNotContain(".dockerignore");
  }

  @Test
  void dockerignoreNewFileDiffsFromDevNull() throws IOException {
    Path f = dockerfile("FROM node:22\nCOPY . /app\n");
    Files.writeString(dir.resolve(".env"), "TOKEN=1\n");
    Cli.Result d = Cli.run("fix", "--no-config", "--dockerignore", "--diff", f.toString());
    assertThat(d.out()).contains("--- /dev/null\n+++ b/.dockerignore\n@@ -0,0 +1,2 @@\n").contains("+.env\n");
  }

  @Test
  void fixedOutputOfTheCommandParsesAndIsStable() throws IOException {
    Path f = dockerfile(BEFORE);
    Cli.Result r = Cli.run("fix", "--no-config", "--write", "--no-backup", f.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(Dockerfile.parse(Files.readString(f)).hasErrors()).isFalse();
    Cli.Result again = Cli.run("fix", "--no-config", "--diff", f.toString());
    assertThat(again.out()).isEmpty();
  }
}
