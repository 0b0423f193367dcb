package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.build.Engine;
import dev.stowage.build.RealEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stowage image} on images built by the real engine from a Dockerfile written to waste
 * bytes: one RUN writes 500,000 bytes of scratch files that a later RUN deletes.
 */
class ImageEngineIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String TAG = "stowage-image-it-" + UUID.randomUUID().toString().substring(0, 8);
  private static final String DOCKERFILE =
      """
      FROM dive-test:latest
      # a build step that leaves its scratch files behind
      RUN mkdir -p /tmp/build && \\
          yes 0123456789abcdef | head -c 300000 > /tmp/build/big.bin && \\
          yes fedcba9876543210 | head -c 200000 > /tmp/build/small.bin
      ENV STAGE=done
      RUN rm -rf /tmp/build
      RUN echo %s > /version.txt
      """;

  @TempDir static Path dir;
  private static Engine engine;
  private static final List<String> images = new ArrayList<>();
  private static Path before;
  private static Path after;

  @BeforeAll
  static void build() throws Exception {
    engine = RealEngine.engine(); // fails, never skips, without an engine; loads the base image
    before = buildAndSave("v1", "a");
    after = buildAndSave("v2-longer", "b");
  }

  @AfterAll
  static void removeImages() throws Exception {
    for (String image : images) {
      run("rmi", "-f", image);
    }
  }

  private static Path buildAndSave(String version, String name) throws Exception {
    Path context = Files.createDirectories(dir.resolve(name));
    Files.writeString(context.resolve("Dockerfile"), DOCKERFILE.formatted(version));
    String image = TAG + ":" + name;
    images.add(image);
    run("build", "--network=none", "-t", image, context.toString());
    Path tar = dir.resolve(name + ".tar");
    run("save", "-o", tar.toString(), image);
    return tar;
  }

  private static String run(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(engine.client().toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(engine.environment());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("docker %s: %s", String.join(" ", args), out).isZero();
    return out;
  }

  @Test
  void wasteIsTiedToTheLinesThatAddAndDeleteIt() throws Exception {
    Cli.Result r = Cli.run("image", "--format", "json", "--dockerfile", dir.resolve("a/Dockerfile").toString(),
        "docker-archive:" + before);
    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isZero();
    JsonNode json = MAPPER.readTree(r.out());
    JsonNode layers = json.get("layers");
    // dive-test:latest has 14 layers; then the three RUNs (ENV makes no layer).
    assertThat(layers).hasSize(17);
    for (int i = 0; i < 14; i++) {
      assertThat(layers.get(i).at("/instruction/baseImage").asBoolean()).as("layer %d", i).isTrue();
    }
    JsonNode scratch = layers.get(14);
    assertThat(scratch.at("/instruction/line").asInt()).isEqualTo(3);
    assertThat(scratch.at("/instruction/endLine").asInt()).isEqualTo(5);
    assertThat(scratch.get("added").asInt()).isEqualTo(2);
    assertThat(scratch.get("addedBytes").asLong()).isEqualTo(500_000);
    // docker save writes plain layer tars
    assertThat(scratch.get("compressedBytes").asLong()).isEqualTo(scratch.get("uncompressedBytes").asLong());
    JsonNode cleanup = layers.get(15);
    assertThat(cleanup.at("/instruction/line").asInt()).isEqualTo(7);
    assertThat(cleanup.get("removed").asInt()).isEqualTo(2);
    assertThat(cleanup.get("removedBytes").asLong()).isEqualTo(500_000);
    assertThat(layers.get(16).at("/instruction/line").asInt()).isEqualTo(8);
    JsonNode waste = json.get("wastes").get(0);
    assertThat(waste.get("bytes").asLong()).isEqualTo(500_000);
    assertThat(waste.get("largestPath").asText()).isEqualTo("/tmp/build/big.bin");
    assertThat(waste.get("message").asText())
        .isEqualTo("RUN at Dockerfile line 3 adds 500.0 kB of /tmp/build/ (2 files) that RUN at line 7 deletes");
    // dive's definition misses it: each file was seen once, and the whiteout of /tmp/build removes
    // a directory that was never a leaf; its wasted bytes stay those of the base image.
    assertThat(json.at("/image/wastedBytes").asLong()).isEqualTo(32025);
    assertThat(json.get("inefficiencies").findValuesAsText("path")).doesNotContain("/tmp/build");
  }

  @Test
  void withoutTheDockerfileBuildKitHistoryNamesTheInstructions() throws Exception {
    Cli.Result r = Cli.run("image", "docker-archive:" + before);
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("layer 14 (RUN mkdir -p /tmp/build &&")
        .contains("adds 500.0 kB of /tmp/build/ (2 files) that layer 15 (RUN rm -rf /tmp/build) deletes");
  }

  @Test
  void diffOfTwoBuildsShowsTheChangedFile() throws Exception {
    Cli.Result r = Cli.run("image", "diff", "--format", "json", "docker-archive:" + before, "docker-archive:" + after);
    assertThat(r.exitCode()).isZero();
    JsonNode json = MAPPER.readTree(r.out());
    assertThat(json.get("paths")).hasSize(1);
    JsonNode p = json.get("paths").get(0);
    assertThat(p.get("path").asText()).isEqualTo("/version.txt");
    assertThat(p.get("status").asText()).isEqualTo("changed");
    assertThat(p.get("sizeBefore").asLong()).isEqualTo(3); // "v1\n"
    assertThat(p.get("sizeAfter").asLong()).isEqualTo(10); // "v2-longer\n"
    assertThat(json.get("filesDelta").asLong()).isEqualTo(7);
    for (int i = 0; i < 14; i++) {
      assertThat(json.at("/layers/" + i + "/status").asText()).isEqualTo("same");
    }
    assertThat(json.at("/layers/16/status").asText()).isEqualTo("changed");
    assertThat(json.at("/layers/16/sizeDelta").asLong()).isEqualTo(7);
  }
}
