package dev.stowage.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.context.ContextScan.Kind;
import dev.stowage.context.ContextScan.NotableItem;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextScanTest {
  @TempDir Path dir;
  @TempDir Path outside;

  @BeforeEach
  void project() throws IOException {
    write("src/app.js", 100);
    write("package.json", 20);
    write("node_modules/left-pad/index.js", 1000);
    write("node_modules/left-pad/key.pem", 10); // inside a notable folder: not reported again
    write(".git/HEAD", 30);
    write(".git/objects/ab/cdef", 500);
    write(".env", 5);
    write(".env.example", 5);
    write("certs/server.key", 7);
    write("id_rsa.pub", 3);
  }

  private void write(String rel, int bytes) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.write(p, new byte[bytes]);
  }

  private static NotableItem item(ContextScan scan, String path) {
    return scan.notable().stream().filter(n -> n.path().equals(path)).findFirst().orElseThrow();
  }

  @Test
  void countsEverythingWithoutDockerignore() throws IOException {
    ContextScan scan = ContextScan.scan(dir, DockerIgnore.none());
    assertThat(scan.sentFiles()).isEqualTo(10);
    assertThat(scan.sentBytes()).isEqualTo(1680);
    assertThat(scan.excludedBytes()).isZero();
    assertThat(scan.truncated()).isFalse();
    assertThat(scan.notable())
        .extracting(NotableItem::path)
        .containsExactlyInAnyOrder(".git", "node_modules", ".env", "certs/server.key");
    assertThat(item(scan, "node_modules").kind()).isEqualTo(Kind.DEPENDENCIES);
    assertThat(item(scan, "node_modules").sentBytes()).isEqualTo(1010);
    assertThat(item(scan, ".git").kind()).isEqualTo(Kind.VCS);
    assertThat(item(scan, ".git").sentBytes()).isEqualTo(530);
    assertThat(item(scan, ".env").kind()).isEqualTo(Kind.SECRET);
    assertThat(scan.largestFiles().get(0).path()).isEqualTo("node_modules/left-pad/index.js");
    assertThat(scan.largestDirectories().get(0).path()).isEqualTo("node_modules");
    assertThat(scan.largestDirectories().get(0).sentBytes()).isEqualTo(1010);
  }

  @Test
  void appliesDockerignore() throws IOException {
    ContextScan scan = ContextScan.scan(dir, DockerIgnore.parse("node_modules\n.git\n**/*.key\n"));
    assertThat(scan.excludedBytes()).isEqualTo(1010 + 530 + 7);
    assertThat(scan.sentBytes()).isEqualTo(1680 - 1547);
    assertThat(scan.excludedFiles()).isEqualTo(5);
    assertThat(item(scan, "node_modules").sent()).isFalse();
    assertThat(item(scan, "node_modules").excludedBytes()).isEqualTo(1010);
    assertThat(item(scan, ".env").sent()).isTrue();
    assertThat(scan.sentNotable()).extracting(NotableItem::path).containsExactly(".env");
  }

  @Test
  void exceptionsBringFilesBackFromExcludedFolders() throws IOException {
    ContextScan scan =
        ContextScan.scan(
            dir, DockerIgnore.parse("node_modules\n!node_modules/left-pad/index.js\n"));
    NotableItem modules = item(scan, "node_modules");
    assertThat(modules.excluded()).isTrue();
    assertThat(modules.sentBytes()).isEqualTo(1000);
    assertThat(modules.excludedBytes()).isEqualTo(10);
    assertThat(modules.sent()).isTrue();
  }

  @Test
  void reportsLargeFiles() throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(dir.resolve("dump.sql").toFile(), "rw")) {
      f.setLength(ContextScan.LARGE_FILE_BYTES + 1); // sparse: no disk space used
    }
    ContextScan scan = ContextScan.scan(dir, DockerIgnore.none());
    assertThat(item(scan, "dump.sql").kind()).isEqualTo(Kind.LARGE_FILE);
    assertThat(scan.largestFiles().get(0).path()).isEqualTo("dump.sql");
    assertThat(ContextScan.humanBytes(item(scan, "dump.sql").sentBytes())).isEqualTo("10.0 MB");
  }

  @Test
  void neverFollowsSymlinksOutOfTheContext() throws IOException {
    Files.write(outside.resolve("big.bin"), new byte[5000]);
    Files.createDirectories(outside.resolve(".git"));
    Files.createSymbolicLink(dir.resolve("linked"), outside);
    ContextScan scan = ContextScan.scan(dir, DockerIgnore.none());
    assertThat(scan.sentBytes()).isLessThan(1680 + 5000);
    assertThat(scan.sentFiles()).isEqualTo(11); // the link itself
    assertThat(scan.notable()).extracting(NotableItem::path).doesNotContain("linked/.git");
  }

  @Test
  void stopsAtTheEntryLimit() throws IOException {
    ContextScan scan = ContextScan.scan(dir, DockerIgnore.none(), 3);
    assertThat(scan.truncated()).isTrue();
    assertThat(scan.sentFiles()).isLessThanOrEqualTo(3);
    assertThatThrownBy(() -> ContextScan.scan(dir, DockerIgnore.none(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void recognisesSecretNames() {
    assertThat(ContextScan.isSecretFile(".npmrc", "")).isTrue();
    assertThat(ContextScan.isSecretFile("id_ed25519", ".ssh")).isTrue();
    assertThat(ContextScan.isSecretFile("id_ed25519.pub", ".ssh")).isFalse();
    assertThat(ContextScan.isSecretFile("config.json", ".docker")).isTrue();
    assertThat(ContextScan.isSecretFile("config.json", "app")).isFalse();
    assertThat(ContextScan.isSecretFile(".env.production", "")).isTrue();
    assertThat(ContextScan.isSecretFile(".env.sample", "")).isFalse();
  }
}
