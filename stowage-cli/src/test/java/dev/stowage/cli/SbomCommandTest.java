package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SbomCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  private static String busybox() {
    return "docker-archive:" + SharedFixtures.root().resolve("images/dive/test-docker-image.tar");
  }

  @Test
  void cycloneDxIsTheDefault() throws Exception {
    Cli.Result r = Cli.run("sbom", busybox());
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode bom = MAPPER.readTree(r.out());
    assertThat(bom.get("bomFormat").asText()).isEqualTo("CycloneDX");
    assertThat(bom.get("specVersion").asText()).isEqualTo("1.6");
    assertThat(bom.at("/metadata/component/name").asText()).isEqualTo(busybox());
    assertThat(bom.path("components")).isEmpty(); // busybox has no package database
  }

  @Test
  void spdxToAFileWrittenWhole() throws Exception {
    Path out = dir.resolve("sbom.spdx.json");
    Files.writeString(out, "old");
    Cli.Result r = Cli.run("sbom", "--format", "SPDX-JSON", "--output", out.toString(), busybox());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    JsonNode doc = MAPPER.readTree(out.toFile());
    assertThat(doc.get("spdxVersion").asText()).isEqualTo("SPDX-2.3");
    assertThat(doc.at("/packages/0/primaryPackagePurpose").asText()).isEqualTo("CONTAINER");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(out); // no temporary file left behind
    }
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    Cli.Result r = Cli.run("sbom", "--format", "xml", busybox());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("unknown format 'xml'; expected one of: cyclonedx-json, spdx-json");
  }

  @Test
  void aMissingImageIsAnInputError() {
    Cli.Result r = Cli.run("sbom", "docker-archive:" + dir.resolve("nope.tar"));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip()).contains("nope.tar: no such file or directory").doesNotContain("\n");
  }
}
