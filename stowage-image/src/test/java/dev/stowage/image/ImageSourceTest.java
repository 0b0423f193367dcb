package dev.stowage.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSourceTest {
  @TempDir Path dir;

  @Test
  void dockerDaemonNamesAnEngineImage() {
    ImageSource s = ImageSource.parse("docker-daemon:dive-test:latest");
    assertThat(s.kind()).isEqualTo(ImageSource.Kind.DOCKER_DAEMON);
    assertThat(s.reference()).isEqualTo("dive-test:latest");
    assertThat(s).hasToString("docker-daemon:dive-test:latest");
  }

  @Test
  void registryReferencesWithAHostOrTheDockerTransport() {
    assertThat(ImageSource.parse("127.0.0.1:5000/app:1").kind()).isEqualTo(ImageSource.Kind.REGISTRY);
    assertThat(ImageSource.parse("localhost/app@sha256:" + "a".repeat(64)).kind()).isEqualTo(ImageSource.Kind.REGISTRY);
    assertThat(ImageSource.parse("ghcr.io/o/app").reference()).isEqualTo("ghcr.io/o/app");
    ImageSource hub = ImageSource.parse("docker://busybox:1.36");
    assertThat(hub.kind()).isEqualTo(ImageSource.Kind.REGISTRY);
    assertThat(hub.reference()).isEqualTo("busybox:1.36");
  }

  @Test
  void barePathsStayPathsEvenWhenTheyLookLikeReferences() throws Exception {
    assertThat(ImageSource.parse("images/app.tar").kind()).isEqualTo(ImageSource.Kind.SNIFF);
    assertThat(ImageSource.parse("busybox:latest").kind()).isEqualTo(ImageSource.Kind.SNIFF);
    Path existing = Files.createDirectories(dir.resolve("out.d"));
    Files.createFile(existing.resolve("app.tar"));
    assertThat(ImageSource.parse(existing.resolve("app.tar").toString()).kind()).isEqualTo(ImageSource.Kind.SNIFF);
  }

  @Test
  void emptyReferencesAreRefused() {
    assertThatThrownBy(() -> ImageSource.parse("docker-daemon:")).hasMessageContaining("missing image reference");
    assertThatThrownBy(() -> ImageSource.parse("docker://")).hasMessageContaining("missing image reference");
  }

  @Test
  void remoteSourcesAreNotReadAsFiles() {
    assertThatThrownBy(() -> ImageAnalyzer.create().analyze(ImageSource.parse("docker-daemon:x"), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ImageSource.parse("out/x.tar").reference()).isInstanceOf(IllegalStateException.class);
  }
}
