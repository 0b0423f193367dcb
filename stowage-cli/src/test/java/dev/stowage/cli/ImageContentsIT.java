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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stowage sbom} and {@code stowage secrets} on an image that the real engine built from
 * Debian's dpkg database and a key made by ssh-keygen, deleted again by the last step; the same
 * image streamed from the engine ({@code docker-daemon:}) gives what its {@code docker save}
 * archive gives, and {@code image diff} compares it with its base image in a real registry.
 */
class ImageContentsIT {
  @RegisterExtension static final RealRegistry REGISTRY = RealRegistry.anonymous();
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String TAG = "stowage-contents-it:" + UUID.randomUUID().toString().substring(0, 8);

  @TempDir static Path dir;
  static Path archive;

  @BeforeAll
  static void build() throws Exception {
    Engine engine = RealEngine.engine();
    Path context = Files.createDirectories(dir.resolve("context"));
    Files.copy(Path.of("/var/lib/dpkg/status"), context.resolve("status"));
    Files.copy(Path.of("/usr/lib/os-release"), context.resolve("os-release"));
    run(engine, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "it", "-f", context.resolve("id_ed25519").toString());
    Files.writeString(context.resolve("Dockerfile"), """
        FROM dive-test:latest
        COPY status /var/lib/dpkg/status
        COPY os-release /etc/os-release
        COPY id_ed25519 /root/.ssh/id_ed25519
        RUN rm -rf /root/.ssh
        """);
    run(engine, engine.client().toString(), "build", "--network=none", "-t", TAG, context.toString());
    archive = dir.resolve("image.tar");
    run(engine, engine.client().toString(), "save", "-o", archive.toString(), TAG);
    REGISTRY.push("docker-archive:" + SharedFixtures.root().resolve("images/dive/test-docker-image.tar"),
        "dive/test:1", false);
  }

  @AfterAll
  static void removeImage() throws Exception {
    Engine engine = RealEngine.engine();
    run(engine, engine.client().toString(), "rmi", "-f", TAG);
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

  @Test
  void sbomListsWhatDpkgQuerySays() throws Exception {
    Cli.Result r = Cli.run("sbom", "docker-archive:" + archive);
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode bom = MAPPER.readTree(r.out());
    Process q = new ProcessBuilder("dpkg-query", "-W", "-f", "${db:Status-Abbrev}\\t${Package}\\n").start();
    List<String> installed = new ArrayList<>();
    for (String line : new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
      String[] f = line.split("\t");
      if (f.length == 2 && f[0].charAt(1) == 'i') {
        installed.add(f[1]);
      }
    }
    List<String> names = new ArrayList<>();
    bom.get("components").forEach(c -> names.add(c.get("name").asText()));
    assertThat(names).containsExactlyInAnyOrderElementsOf(installed);
    assertThat(bom.get("components").get(0).get("purl").asText()).startsWith("pkg:deb/debian/").contains("distro=debian-");
  }

  @Test
  void secretsFindTheDeletedKeyAndFailInCi() throws Exception {
    Cli.Result r = Cli.run("secrets", "--ci", "--format", "json", archive.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    JsonNode json = MAPPER.readTree(r.out());
    assertThat(json.get("secrets")).singleElement().satisfies(s -> {
      assertThat(s.get("rule").asText()).isEqualTo("private-key");
      assertThat(s.get("path").asText()).isEqualTo("/root/.ssh/id_ed25519");
      assertThat(s.at("/layer/command").asText()).isEqualTo("COPY id_ed25519 /root/.ssh/id_ed25519");
      assertThat(s.get("inFinalImage").asBoolean()).isFalse();
      assertThat(s.get("removedByLayer").asInt()).isEqualTo(s.at("/layer/index").asInt() + 1);
      assertThat(s.get("redacted").asText()).hasSize(5).endsWith("…");
    });
    String key = Files.readString(dir.resolve("context/id_ed25519")).replaceAll("-----[A-Z ]+-----|\\s+", "");
    assertThat(r.out()).doesNotContain(key.substring(4, 16));
    assertThat(json.get("secrets").get(0).get("redacted").asText()).isEqualTo(key.substring(0, 4) + "…");
    assertThat(json.get("secrets").get(0).get("length").asInt()).isEqualTo(key.length());
    assertThat(json.at("/ci/passed").asBoolean()).isFalse();
  }

  /** A report without its source name, for comparing one image read from two sources. */
  static ObjectNode withoutSource(String json) throws IOException {
    ObjectNode n = (ObjectNode) MAPPER.readTree(json);
    n.remove("source");
    return n;
  }

  @Test
  void streamedImageReportEqualsTheArchiveOfTheSameSave() throws Exception {
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
    assertThat(d.at("/layers/14/sizeBytes").asLong()).isGreaterThanOrEqualTo(Files.size(Path.of("/var/lib/dpkg/status")));
  }

  @Test
  void streamedSbomAndSecretsEqualTheArchiveOfTheSameSave() throws Exception {
    Cli.Result daemon = Cli.run("sbom", "docker-daemon:" + TAG);
    Cli.Result saved = Cli.run("sbom", "docker-archive:" + archive);
    assertThat(daemon.exitCode()).as(daemon.err()).isZero();
    JsonNode d = MAPPER.readTree(daemon.out());
    assertThat(d.get("components")).isEqualTo(MAPPER.readTree(saved.out()).get("components"));
    assertThat(d.get("components").size()).isGreaterThan(10);

    Cli.Result daemonSecrets = Cli.run("secrets", "--format", "json", "docker-daemon:" + TAG);
    Cli.Result savedSecrets = Cli.run("secrets", "--format", "json", "docker-archive:" + archive);
    assertThat(daemonSecrets.exitCode()).as(daemonSecrets.err()).isZero();
    JsonNode ds = MAPPER.readTree(daemonSecrets.out());
    JsonNode ss = MAPPER.readTree(savedSecrets.out());
    assertThat(ds.get("layers")).isEqualTo(ss.get("layers"));
    assertThat(ds.get("secrets")).isEqualTo(ss.get("secrets")).hasSize(1);
    assertThat(ds.at("/secrets/0/layer/index").asInt()).isEqualTo(16);
    assertThat(ds.at("/secrets/0/removedByLayer").asInt()).isEqualTo(17);
  }

  @Test
  void sbomAndSecretsReadARegistryImageWithTheImageSourceOptions() throws Exception {
    // The same --platform and --insecure-registry as image and image diff (loopback hosts may
    // use plain HTTP anyway; naming the host must not change that).
    String registryImage = REGISTRY.host() + "/dive/test:1";
    Cli.Result sbom = Cli.run("sbom", "--platform", "linux/amd64", "--insecure-registry", REGISTRY.host(), registryImage);
    assertThat(sbom.exitCode()).as(sbom.err()).isZero();
    JsonNode bom = MAPPER.readTree(sbom.out());
    assertThat(bom.at("/metadata/component/name").asText()).isEqualTo(registryImage);
    Cli.Result saved = Cli.run("sbom", "docker-archive:" + SharedFixtures.root().resolve("images/dive/test-docker-image.tar"));
    assertThat(bom.get("components")).isEqualTo(MAPPER.readTree(saved.out()).get("components"));
    Cli.Result secrets = Cli.run("secrets", "--format", "json", "--platform", "linux/amd64",
        "--insecure-registry", REGISTRY.host(), registryImage);
    assertThat(secrets.exitCode()).as(secrets.err()).isZero();
    assertThat(MAPPER.readTree(secrets.out()).get("secrets")).isEmpty();
  }

  @Test
  void diffOfTheEngineImageAgainstItsBaseInARegistry() throws Exception {
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
      assertThat(layers.get(i).get("sizeDelta").asLong()).isEqualTo(layers.get(i).at("/after/sizeBytes").asLong());
    }

    long status = Files.size(Path.of("/var/lib/dpkg/status"));
    long osRelease = Files.size(Path.of("/usr/lib/os-release"));
    List<String> paths = new ArrayList<>();
    d.get("paths").forEach(p -> paths.add(p.get("path").asText() + " " + p.get("status").asText() + " " + p.get("delta").asLong()));
    // the key was added and deleted again: not in the merged file system, so no change
    assertThat(paths).containsExactly("/etc/os-release added " + osRelease, "/var/lib/dpkg/status added " + status);
    assertThat(d.get("filesDelta").asLong()).isEqualTo(status + osRelease);
    assertThat(d.get("sizeDelta").asLong()).isEqualTo(d.at("/after/sizeBytes").asLong() - d.at("/before/sizeBytes").asLong());
  }
}
