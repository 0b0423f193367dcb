package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.build.RealEngine;
import dev.stowage.registry.RealRegistry;
import java.net.ServerSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code stowage image} on registry references (a real registry) and docker-daemon (the real engine). */
class ImageSourcesIT {
  @RegisterExtension static final RealRegistry REGISTRY = RealRegistry.anonymous();
  @RegisterExtension static final RealRegistry PRIVATE = RealRegistry.withBasicAuth();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static String archive() {
    return "docker-archive:" + SharedFixtures.root().resolve("images/dive/test-docker-image.tar");
  }

  @BeforeAll
  static void push() throws Exception {
    REGISTRY.push(archive(), "dive/test:1", false);
    PRIVATE.push(archive(), "dive/test:1", false);
  }

  /** The report without its source name and the layers' compressed sizes (a push may compress). */
  private static JsonNode withoutSource(String json) throws Exception {
    ObjectNode n = (ObjectNode) MAPPER.readTree(json);
    n.remove("source");
    n.withArray("layers").forEach(l -> ((ObjectNode) l).remove("compressedBytes"));
    return n;
  }

  @Test
  void registryReferenceAnalysesAsTheArchive() throws Exception {
    String ref = REGISTRY.host() + "/dive/test:1";
    Cli.Result pulled = Cli.run("image", "--format", "json", ref);
    Cli.Result local = Cli.run("image", "--format", "json", archive());

    assertThat(pulled.err()).isEmpty();
    assertThat(pulled.exitCode()).isZero();
    assertThat(MAPPER.readTree(pulled.out()).get("source").asText()).isEqualTo(ref);
    assertThat(withoutSource(pulled.out())).isEqualTo(withoutSource(local.out()));
    assertThat(Cli.run("image", "--format", "json", "docker://" + ref).out()).isEqualTo(pulled.out().replace(
        "\"source\":\"" + ref, "\"source\":\"docker://" + ref));
  }

  @Test
  void sbomAndSecretsReadRegistryReferencesToo() throws Exception {
    String ref = REGISTRY.host() + "/dive/test:1";
    Cli.Result pulled = Cli.run("secrets", "--format", "json", ref);
    Cli.Result local = Cli.run("secrets", "--format", "json", archive());
    assertThat(pulled.exitCode()).as(pulled.err()).isZero();
    JsonNode p = MAPPER.readTree(pulled.out());
    JsonNode l = MAPPER.readTree(local.out());
    assertThat(p.get("source").asText()).isEqualTo(ref);
    assertThat(p.get("layers")).isEqualTo(l.get("layers"));
    assertThat(p.get("secrets")).isEqualTo(l.get("secrets")).isNotNull();

    Cli.Result sbom = Cli.run("sbom", "--format", "spdx-json", ref);
    assertThat(sbom.exitCode()).as(sbom.err()).isZero();
    assertThat(MAPPER.readTree(sbom.out()).get("spdxVersion").asText()).isEqualTo("SPDX-2.3");
  }

  @Test
  void unknownTagExitsWithTwoNamingTheReference() {
    String ref = REGISTRY.host() + "/dive/test:missing";
    Cli.Result r = Cli.run("image", ref);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("pulling " + ref).contains("404").doesNotContain("Exception");
  }

  @Test
  void registryRefusingAnonymousPullsExitsWithTwoNamingTheReference() {
    String ref = PRIVATE.host() + "/dive/test:1";
    Cli.Result r = Cli.run("image", ref);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("pulling " + ref + ": unauthorized (401)").contains("no credentials for " + PRIVATE.host());
  }

  @Test
  void unreachableRegistryExitsWithThree() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Cli.Result r = Cli.run("image", "127.0.0.1:" + port + "/dive/test:1");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).contains("127.0.0.1:" + port).contains("unreachable");
  }

  @Test
  void badPlatformExitsWithTwo() {
    Cli.Result r = Cli.run("image", "--platform", "linux", REGISTRY.host() + "/dive/test:1");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("invalid platform \"linux\"");
  }

  @Test
  void dockerDaemonImageAnalysesAsTheArchiveItWasLoadedFrom() throws Exception {
    RealEngine.engine(); // fails, never skips, without an engine; loads dive-test:latest
    Cli.Result daemon = Cli.run("image", "--format", "json", "docker-daemon:" + RealEngine.BASE_IMAGE);
    Cli.Result local = Cli.run("image", "--format", "json", archive());

    assertThat(daemon.err()).isEmpty();
    assertThat(daemon.exitCode()).isZero();
    assertThat(MAPPER.readTree(daemon.out()).get("source").asText()).isEqualTo("docker-daemon:" + RealEngine.BASE_IMAGE);
    assertThat(withoutSource(daemon.out())).isEqualTo(withoutSource(local.out()));
  }

  @Test
  void unknownDaemonImageExitsWithTwo() {
    RealEngine.engine();
    Cli.Result r = Cli.run("image", "docker-daemon:stowage-no-such-image:never");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("docker-daemon:stowage-no-such-image:never").contains("no such image");
  }
}
