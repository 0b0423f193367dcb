package dev.stowage.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.dockerfile.Dockerfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttributionTest {
  private static Dockerfile diveDockerfile() throws Exception {
    return Dockerfile.read(ImageAnalyzerTest.fixtures().resolve("Dockerfile.test-image"));
  }

  private static ImageReport analyze(String name) throws Exception {
    return ImageAnalyzer.create().analyze(ImageSource.parse(ImageAnalyzerTest.fixtures().resolve(name).toString()));
  }

  /** The dive fixture was built by the legacy builder: "/bin/sh -c cmd" and "#(nop) ADD file:... in /dst". */
  @Test
  void mapsEveryLayerOfTheDiveFixtureToItsDockerfileLine() throws Exception {
    List<Attribution.Step> steps = Attribution.steps(analyze("test-docker-image.tar"), Optional.of(diveDockerfile()));
    assertThat(steps.get(0).hasLine()).isFalse();
    assertThat(steps.get(0).base()).isTrue();
    for (int layer = 1; layer < 14; layer++) {
      // FROM is line 1; each later line made one layer.
      assertThat(steps.get(layer).line()).as("layer %d", layer).isEqualTo(layer + 1);
    }
    assertThat(steps.get(1).keyword()).isEqualTo("ADD");
    assertThat(steps.get(13).text()).isEqualTo("chmod +x /root/saved.txt");
  }

  @Test
  void kanikoHistoryMapsTheSameWay() throws Exception {
    List<Attribution.Step> steps = Attribution.steps(analyze("test-kaniko-image.tar"), Optional.of(diveDockerfile()));
    assertThat(steps).extracting(Attribution.Step::line)
        .containsExactly(0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
  }

  @Test
  void saysWhichLineAddsWhatWhichLineDeletesOrOverwrites() throws Exception {
    List<String> messages = Attribution.attribute(analyze("test-docker-image.tar"), Optional.of(diveDockerfile()))
        .stream().map(Attribution.Attributed::message).toList();
    assertThat(messages).containsExactly(
        "RUN at Dockerfile line 4 adds 6.4 kB of /root/example/somefile1.txt that RUN at line 5 overwrites",
        "RUN at Dockerfile line 5 adds 6.4 kB of /root/example/somefile1.txt that RUN at line 10 deletes",
        "RUN at Dockerfile line 6 adds 6.4 kB of /root/example/somefile2.txt that RUN at line 10 deletes",
        "RUN at Dockerfile line 7 adds 6.4 kB of /root/example/somefile3.txt that RUN at line 8 deletes",
        "RUN at Dockerfile line 8 adds 6.4 kB of /root/saved.txt that RUN at line 14 overwrites");
  }

  @Test
  void withoutADockerfileTheHistoryNamesTheInstructions() throws Exception {
    List<String> messages = Attribution.attribute(analyze("test-docker-image.tar"), Optional.empty())
        .stream().map(Attribution.Attributed::message).toList();
    assertThat(messages.get(0)).isEqualTo(
        "layer 3 (RUN cp /somefile.txt /root/example/somefile1.txt) adds 6.4 kB of /root/example/somefile1.txt"
            + " that layer 4 (RUN chmod 444 /root/example/somefile1.txt) overwrites");
  }

  @Test
  void readsEveryBuildersSpelling() {
    assertThat(Attribution.parse("RUN /bin/sh -c apt-get update # buildkit"))
        .isEqualTo(new Attribution.Parsed("RUN", "apt-get update"));
    assertThat(Attribution.parse("RUN |2 A=1 B=x /bin/sh -c make # buildkit"))
        .isEqualTo(new Attribution.Parsed("RUN", "make"));
    assertThat(Attribution.parse("|1 V=3 /bin/sh -c make install"))
        .isEqualTo(new Attribution.Parsed("RUN", "make install"));
    assertThat(Attribution.parse("/bin/sh -c #(nop) COPY file:abc in /app/ "))
        .isEqualTo(new Attribution.Parsed("COPY", "file:abc in /app/"));
    assertThat(Attribution.parse("/bin/sh -c #(nop)  CMD [\"sh\"]")).isEqualTo(new Attribution.Parsed("CMD", "[\"sh\"]"));
    assertThat(Attribution.parse("COPY app.jar /app/app.jar # buildkit"))
        .isEqualTo(new Attribution.Parsed("COPY", "app.jar /app/app.jar"));
    assertThat(Attribution.parse("WORKDIR /app")).isEqualTo(new Attribution.Parsed("WORKDIR", "/app"));
    assertThat(Attribution.parse("RUN cp a b")).isEqualTo(new Attribution.Parsed("RUN", "cp a b"));
  }

  /** BuildKit records no ARG; a builder stage and the base image's history stay out of the match. */
  @Test
  void alignsBuildKitHistoryWithAMultiStageDockerfile() {
    Dockerfile df = Dockerfile.parse("""
        FROM alpine AS build
        RUN make
        FROM debian:12 AS base
        ARG V=1
        ENV APP=/app
        WORKDIR /app
        FROM base
        COPY --from=build /out /app/
        RUN apt-get update && \\
            apt-get install -y curl
        RUN rm -rf /var/lib/apt/lists/*
        CMD ["app"]
        """);
    List<ImageReport.HistoryEntry> history = new ArrayList<>();
    for (String c : List.of(
        "/bin/sh -c #(nop) ADD file:1 in / ", // debian's own history
        "/bin/sh -c #(nop)  CMD [\"bash\"]",
        "RUN /bin/sh -c apt-get update # buildkit", // a RUN of the base image, not line 9
        "ENV APP=/app",
        "WORKDIR /app",
        "COPY /out /app/ # buildkit",
        "RUN /bin/sh -c apt-get update &&     apt-get install -y curl # buildkit",
        "RUN /bin/sh -c rm -rf /var/lib/apt/lists/* # buildkit",
        "CMD [\"app\"]")) {
      history.add(new ImageReport.HistoryEntry(c, false, -1));
    }
    int[] match = Attribution.align(history, Attribution.instructions(df));
    List<Integer> lines = new ArrayList<>();
    List<dev.stowage.dockerfile.Instruction> ins = Attribution.instructions(df);
    for (int m : match) {
      lines.add(m < 0 ? 0 : ins.get(m).line());
    }
    assertThat(lines).containsExactly(0, 0, 0, 5, 6, 8, 9, 11, 12);
  }
}
