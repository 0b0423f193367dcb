package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.build.Engine;
import dev.stowage.build.RealEngine;
import dev.stowage.registry.RealRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code docker-daemon:REF} streamed from the real engine: the same results as the archive of the
 * same {@code docker save}, nothing written to the temporary folder, clean errors when the engine
 * is missing or {@code docker save} dies mid-stream; and {@code image diff} of an engine image
 * against an image in a real registry.
 */
class DaemonImageIT {
  @RegisterExtension static final RealRegistry REGISTRY = RealRegistry.anonymous();
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String ID = UUID.randomUUID().toString();
  private static final String TAG = "stowage-daemon-it:" + ID.substring(0, 8);
  private static final String SECRET = "AKIA" + ID.replace("-", "").substring(0, 16).toUpperCase(java.util.Locale.ROOT);

  @TempDir static Path dir;
  static Path archive;
  static long statusBytes;
  static long osReleaseBytes;

  @BeforeAll
  static void build() throws Exception {
    Engine engine = RealEngine.engine();
    Path context = Files.createDirectories(dir.resolve("context"));
    Files.copy(Path.of("/var/lib/dpkg/status"), context.resolve("status"));
    Files.copy(Path.of("/usr/lib/os-release"), context.resolve("os-release"));
    statusBytes = Files.size(context.resolve("status"));
    osReleaseBytes = Files.size(context.resolve("os-release"));
    Files.writeString(context.resolve("env"), "AWS_ACCESS_KEY_ID=" + SECRET + "\n");
    // The label tells this test's images from every other on the shared engine (see removeImages).
    Files.writeString(context.resolve("Dockerfile"), """
        FROM dive-test:latest
        COPY status /var/lib/dpkg/status
        COPY os-release /etc/os-release
        COPY env /app/.env
        RUN rm /app/.env
        """ + RealEngine.labelLine(ID));
    run(engine, engine.client().toString(), "build", "--network=none", "-t", TAG, context.toString());
    archive = dir.resolve("saved.tar");
    run(engine, engine.client().toString(), "save", "-o", archive.toString(), TAG);
    REGISTRY.push("docker-archive:" + SharedFixtures.root().resolve("images/dive/test-docker-image.tar"),
        "dive/test:1", false);
  }

  @AfterAll
  static void removeImages() {
    RealEngine.removeImages(ID); // the tagged image and anything else the build left
  }

  private static String run(Engine engine, String... command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(engine.environment());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("%s: %s", String.join(" ", command), out).isZero();
    return out;
  }

  private static ObjectNode withoutSource(String json) throws IOException {
    ObjectNode n = (ObjectNode) MAPPER.readTree(json);
    n.remove("source");
    return n;
  }

  @Test
  void imageReportEqualsTheArchiveOfTheSameSave() throws Exception {
    Cli.Result daemon = Cli.run("image", "--format", "json", "docker-daemon:" + TAG);
    Cli.Result saved = Cli.run("image", "--format", "json", "docker-archive:" + archive);
    assertThat(daemon.exitCode()).as(daemon.err()).isZero();
    assertThat(daemon.err()).isEmpty();

    JsonNode d = MAPPER.readTree(daemon.out());
    assertThat(d.get("source").asText()).isEqualTo("docker-daemon:" + TAG);
    // layer digests and sizes, efficiency, wasted bytes, file counts, largest paths: all of it
    assertThat(withoutSource(daemon.out())).isEqualTo(withoutSource(saved.out()));
    assertThat(d.get("layers")).hasSize(18);
    assertThat(d.at("/layers/17/removed").asInt()).isEqualTo(1);
    assertThat(d.at("/layers/14/sizeBytes").asLong()).isGreaterThanOrEqualTo(statusBytes);
  }

  @Test
  void sbomComponentsEqualTheArchiveOfTheSameSave() throws Exception {
    Cli.Result daemon = Cli.run("sbom", "docker-daemon:" + TAG);
    Cli.Result saved = Cli.run("sbom", "docker-archive:" + archive);
    assertThat(daemon.exitCode()).as(daemon.err()).isZero();
    JsonNode d = MAPPER.readTree(daemon.out());
    JsonNode s = MAPPER.readTree(saved.out());
    assertThat(d.get("components")).isEqualTo(s.get("components"));
    assertThat(d.get("components").size()).isGreaterThan(10);
  }

  @Test
  void secretsEqualTheArchiveOfTheSameSave() throws Exception {
    Cli.Result daemon = Cli.run("secrets", "--format", "json", "docker-daemon:" + TAG);
    Cli.Result saved = Cli.run("secrets", "--format", "json", "docker-archive:" + archive);
    assertThat(daemon.exitCode()).as(daemon.err()).isZero();
    JsonNode d = MAPPER.readTree(daemon.out());
    JsonNode s = MAPPER.readTree(saved.out());
    assertThat(d.get("layers")).isEqualTo(s.get("layers"));
    assertThat(d.get("secrets")).isEqualTo(s.get("secrets"));
    assertThat(d.get("secrets")).hasSize(1);
    assertThat(d.at("/secrets/0/path").asText()).isEqualTo("/app/.env");
    assertThat(d.at("/secrets/0/layer/index").asInt()).isEqualTo(16);
    assertThat(d.at("/secrets/0/removedByLayer").asInt()).isEqualTo(17);
  }

  @Test
  void diffOfAnEngineImageAgainstARegistryImage() throws Exception {
    String registryImage = REGISTRY.host() + "/dive/test:1";
    Cli.Result r = Cli.run("image", "diff", "--format", "json", "--platform", "linux/amd64",
        registryImage, "docker-daemon:" + TAG);
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode d = MAPPER.readTree(r.out());

    assertThat(d.at("/before/source").asText()).isEqualTo(registryImage);
    assertThat(d.at("/after/source").asText()).isEqualTo("docker-daemon:" + TAG);
    JsonNode layers = d.get("layers");
    assertThat(layers).hasSize(18);
    for (int i = 0; i < 14; i++) { // dive-test:latest was loaded from the archive pushed to the registry
      assertThat(layers.get(i).get("status").asText()).as("layer %d", i).isEqualTo("same");
      assertThat(layers.get(i).get("sizeDelta").asLong()).isZero();
    }
    for (int i = 14; i < 18; i++) {
      assertThat(layers.get(i).get("status").asText()).as("layer %d", i).isEqualTo("added");
      assertThat(layers.get(i).get("before").isNull()).isTrue();
    }
    assertThat(layers.get(14).get("sizeDelta").asLong()).isEqualTo(layers.get(14).at("/after/sizeBytes").asLong());

    List<String> paths = new ArrayList<>();
    d.get("paths").forEach(p -> paths.add(p.get("path").asText() + " " + p.get("status").asText() + " " + p.get("delta").asLong()));
    // /app/.env was added and removed again: not in the merged file system, so no change
    assertThat(paths).containsExactly(
        "/etc/os-release added " + osReleaseBytes,
        "/var/lib/dpkg/status added " + statusBytes);
    assertThat(d.get("filesDelta").asLong()).isEqualTo(statusBytes + osReleaseBytes);
    assertThat(d.get("sizeDelta").asLong()).isEqualTo(d.at("/after/sizeBytes").asLong() - d.at("/before/sizeBytes").asLong());
  }

  @Test
  void diffNamesAMissingEngineImageInOneLine() {
    Cli.Result r = Cli.run("image", "diff", "docker-daemon:stowage-no-such-image:never", "docker-daemon:" + TAG);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("stowage: docker-daemon:stowage-no-such-image:never: the engine has no such image");
  }

  @ParameterizedTest
  @ValueSource(strings = {"image", "sbom", "secrets"})
  void unknownImageExitsWithTwoInOneLineNamingTheReference(String command) {
    Cli.Result r = Cli.run(command, "docker-daemon:stowage-no-such-image:never");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip().lines()).singleElement().asString()
        .contains("docker-daemon:stowage-no-such-image:never").contains("no such image");
  }

  /** The CLI in its own JVM, with its own empty temporary folder and extra environment. */
  private record Run(int exitCode, String out, String err, List<Path> leftInTmp) {}

  private static Run runJar(Map<String, String> env, String... args) throws Exception {
    Path jar = Path.of("target/stowage.jar").toAbsolutePath();
    assertThat(jar).exists();
    Path tmp = Files.createTempDirectory(dir, "tmp-");
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>(List.of(java, "-Djava.io.tmpdir=" + tmp, "-jar", jar.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(env);
    pb.environment().put("TMPDIR", tmp.toString());
    pb.redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
    java.lang.Process p = pb.start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    List<Path> left;
    try (Stream<Path> s = Files.walk(tmp)) {
      left = s.filter(x -> !x.equals(tmp)).filter(x -> !x.getFileName().toString().startsWith("hsperfdata")).toList();
    }
    return new Run(p.exitValue(), Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")), left);
  }

  @Test
  void streamingWritesNothingToTheTemporaryFolder() throws Exception {
    Run r = runJar(Map.of(), "image", "--format", "json", "docker-daemon:" + TAG);
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(withoutSource(r.out())).isEqualTo(withoutSource(Cli.run("image", "--format", "json", "docker-archive:" + archive).out()));
    assertThat(r.leftInTmp()).isEmpty();
  }

  /** A client that runs the real one but cuts {@code docker save} short and fails, as a dying engine does. */
  private static Path failingClient(Engine engine) throws IOException {
    Path script = dir.resolve("docker-cut-short");
    Files.writeString(script, """
        #!/bin/sh
        if [ "$1" = save ]; then
          "%1$s" save "$2" | head -c 300000
          echo "Error response from daemon: the test cut the export short" >&2
          exit 1
        fi
        exec "%1$s" "$@"
        """.formatted(engine.client()));
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }

  @ParameterizedTest
  @ValueSource(strings = {"image", "sbom", "secrets"})
  void saveFailingMidStreamIsOneCleanErrorAndLeavesNoTemporaryFiles(String command) throws Exception {
    Engine engine = RealEngine.engine();
    Run r = runJar(Map.of("STOWAGE_DOCKER", failingClient(engine).toString()), command, "docker-daemon:" + TAG);
    assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
    assertThat(r.err().strip().lines()).singleElement().asString()
        .contains("docker save " + TAG + " failed: Error response from daemon: the test cut the export short")
        .doesNotContain("Exception");
    assertThat(r.out()).isEmpty();
    assertThat(r.leftInTmp()).isEmpty();
  }

  @Test
  void missingEngineExitsWithThreeNamingIt() throws Exception {
    Run r = runJar(Map.of("DOCKER_HOST", "unix:///nonexistent/stowage-it.sock"), "image", "docker-daemon:" + TAG);
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).contains("no BuildKit engine found at unix:///nonexistent/stowage-it.sock");
  }
}
