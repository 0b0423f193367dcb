package dev.stowage.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRewriterTest {
  @TempDir Path dir;

  @Test
  void replacesKeepingPermissionsAndABackup() throws Exception {
    Path f = dir.resolve("Dockerfile");
    Files.writeString(f, "old\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-x---"));
    FileRewriter.standard()
        .replace(f, Optional.of("old\n".getBytes(StandardCharsets.UTF_8)), "new\n",
            Optional.of(dir.resolve("Dockerfile.orig")));
    assertThat(f).hasContent("new");
    assertThat(dir.resolve("Dockerfile.orig")).hasContent("old");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rwxr-x---");
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("Dockerfile", "Dockerfile.orig");
    }
  }

  @Test
  void refusesWhenTheFileChangedMeanwhile() throws Exception {
    Path f = dir.resolve("Dockerfile");
    Files.writeString(f, "old\n");
    FileRewriter racing = FileRewriter.withHook(t -> Files.writeString(t, "someone else\n"));
    assertThatThrownBy(
            () -> racing.replace(f, Optional.of("old\n".getBytes(StandardCharsets.UTF_8)), "new\n", Optional.empty()))
        .isInstanceOf(FileRewriter.FileChangedException.class)
        .hasMessageContaining("changed since it was read");
    assertThat(f).hasContent("someone else");
    try (var s = Files.list(dir)) {
      assertThat(s).as("no temporary file left").hasSize(1);
    }
  }

  @Test
  void createsANewFileReadableByAll() throws Exception {
    Path f = dir.resolve(".dockerignore");
    FileRewriter.standard().replace(f, Optional.empty(), ".git\n", Optional.empty());
    assertThat(f).hasContent(".git");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r--r--");
    assertThatThrownBy(() -> FileRewriter.standard().replace(f, Optional.empty(), "x\n", Optional.empty()))
        .isInstanceOf(FileRewriter.FileChangedException.class);
  }
}
