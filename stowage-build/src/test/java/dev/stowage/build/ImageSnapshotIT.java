package dev.stowage.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Two real images that differ in known ways compare to exactly those differences. */
@ExtendWith(RealEngine.class)
class ImageSnapshotIT {
  @TempDir Path dir;
  private final String tag = "stowage-it/snapshot-" + UUID.randomUUID().toString().substring(0, 8);
  private Engine engine;

  private ImageSnapshot build(Engine e, String name, String dockerfile) throws Exception {
    engine = e;
    Path file = dir.resolve(name);
    Files.writeString(file, dockerfile);
    new Builder(e)
        .build(BuildRequest.of(dir).withDockerfile(file).withNetwork("none").withTag(tag + "-" + name + ":latest"),
            BuildListener.none());
    return ImageSnapshot.of(e, tag + "-" + name + ":latest");
  }

  @AfterEach
  void removeImages() throws Exception {
    if (engine != null) {
      for (String name : List.of("a", "b")) {
        new ProcessBuilder(engine.client().toString(), "image", "rm", "-f", tag + "-" + name + ":latest")
            .redirectErrorStream(true)
            .start()
            .waitFor();
      }
    }
  }

  @Test
  void reportsEachChangedPathAndTheConfiguration(Engine e) throws Exception {
    Files.writeString(dir.resolve("data.txt"), "one\n");
    ImageSnapshot a =
        build(e, "a", """
            FROM dive-test:latest
            COPY data.txt /srv/data.txt
            RUN echo same > /srv/same.txt && chmod 600 /srv/same.txt
            CMD ["cat", "/srv/data.txt"]
            """);
    ImageSnapshot b =
        build(e, "b", """
            FROM dive-test:latest
            COPY data.txt /srv/data.txt
            RUN echo same > /srv/same.txt && chmod 644 /srv/same.txt && echo new > /srv/new.txt
            USER 1000:1000
            CMD ["cat", "/srv/data.txt"]
            """);

    assertThat(a.files().get("srv/data.txt").content())
        .isEqualTo("2c8b08da5ce60398e1f19af0e5dccc744df274b826abe585eaba68c525434806"); // sha256("one\n")
    assertThat(a.fileDifferences(b, p -> false))
        .hasSize(2)
        .anySatisfy(d -> assertThat(d).startsWith("added /srv/new.txt"))
        .anySatisfy(d -> assertThat(d).startsWith("changed /srv/same.txt").contains("mode=384").contains("mode=420"));
    assertThat(a.fileDifferences(b, p -> p.startsWith("/srv/"))).isEmpty();
    assertThat(a.fileDifferences(a, p -> false)).isEmpty();
    assertThat(a.config().user()).isEmpty();
    assertThat(b.config().user()).isEqualTo("1000:1000");
    assertThat(b.config().cmd()).containsExactly("cat", "/srv/data.txt");
    assertThat(a.files()).containsKey("bin/busybox").doesNotContainKey(".dockerenv").doesNotContainKey("etc/hosts");
  }
}
