package dev.stowage.image.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.stowage.image.DockerArchive;
import dev.stowage.image.ImageSource;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documents of an image with packages of every ecosystem validate against their schemas. */
class SbomDocumentsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final SbomDocument DOC =
      new SbomDocument(Instant.parse("2026-11-27T19:00:00.123Z"), UUID.fromString("4a0f7c39-3c56-4b7e-9b1f-2f5f0e7b9d11"), "0.1.0");

  @TempDir static Path dir;
  static Sbom sbom;

  @BeforeAll
  static void scan() throws Exception {
    DockerArchive image = new DockerArchive();
    image.layer("ADD rootfs.tar.xz /")
        .copy(RealFiles.need(RealFiles.OS_RELEASE, "base-files"), "/usr/lib/os-release")
        .symlink("/etc/os-release", "../usr/lib/os-release")
        .copy(RealFiles.DPKG_STATUS, "/var/lib/dpkg/status");
    Path info = RealFiles.distInfos().get(0);
    Path npm = RealFiles.need(RealFiles.NPM, "nodejs");
    image.layer("RUN pip install && npm ci")
        .copy(info.resolve("METADATA"), "/usr/lib/python3/dist-packages/" + info.getFileName() + "/METADATA")
        .copy(npm.resolve("package.json"), "/usr/lib/node_modules/npm/package.json")
        .file("/app/node_modules/@types/node/package.json",
            "{\"name\":\"@types/node\",\"version\":\"20.11.5\",\"license\":\"MIT\"}".getBytes(StandardCharsets.UTF_8));
    Path jar = Path.of(ObjectMapper.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    image.layer("COPY app.jar docker-proxy /app/")
        .copy(jar, "/app/lib/" + jar.getFileName())
        .copy(RealFiles.need(RealFiles.DOCKER_PROXY, "docker.io"), "/app/docker-proxy");
    Path tar = image.write(dir.resolve("image.tar"));
    sbom = SbomScanner.create().scan(ImageSource.parse("docker-archive:" + tar), Optional.empty());
    assertThat(sbom.packages()).extracting(SbomPackage::ecosystem).contains(
        SbomPackage.Ecosystem.DPKG, SbomPackage.Ecosystem.PYTHON, SbomPackage.Ecosystem.NPM,
        SbomPackage.Ecosystem.JAVA, SbomPackage.Ecosystem.GO);
  }

  @Test
  void cycloneDxValidatesAgainstTheOneSixSchema() throws Exception {
    String json = CycloneDx.write(sbom, DOC);
    JsonParser parser = new JsonParser();
    assertThat(parser.validate(json.getBytes(StandardCharsets.UTF_8), Version.VERSION_16)).isEmpty();
    JsonNode bom = MAPPER.readTree(json);
    assertThat(bom.get("specVersion").asText()).isEqualTo("1.6");
    assertThat(bom.get("serialNumber").asText()).isEqualTo("urn:uuid:" + DOC.id());
    assertThat(bom.at("/metadata/component/type").asText()).isEqualTo("container");
    assertThat(bom.get("components")).hasSize(sbom.packages().size());
    assertThat(bom.get("components").findValuesAsText("purl")).contains("pkg:npm/%40types/node@20.11.5");
    for (JsonNode c : bom.get("components")) {
      SbomPackage p = sbom.packages().stream().filter(x -> x.purl().equals(c.get("purl").asText())).findFirst().orElseThrow();
      assertThat(property(c, "stowage:layer:index")).isEqualTo(Integer.toString(p.layer()));
      assertThat(property(c, "stowage:layer:digest")).isEqualTo(sbom.layers().get(p.layer()).digest());
      assertThat(c.at("/evidence/occurrences/0/location").asText()).isEqualTo(p.path());
    }
    // the round trip through the library's own parser keeps every component
    assertThat(parser.parse(json.getBytes(StandardCharsets.UTF_8)).getComponents()).hasSize(sbom.packages().size());
  }

  private static String property(JsonNode component, String name) {
    for (JsonNode p : component.get("properties")) {
      if (p.get("name").asText().equals(name)) {
        return p.get("value").asText();
      }
    }
    return null;
  }

  @Test
  void spdxValidatesAgainstTheOfficialSchema() throws Exception {
    String json = Spdx.write(sbom, DOC);
    Schema schema;
    try (InputStream in = SbomDocumentsTest.class.getResourceAsStream("/spdx/spdx-schema-2.3.json")) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09).getSchema(in);
    }
    JsonNode doc = MAPPER.readTree(json);
    assertThat(schema.validate(doc)).isEmpty();
    assertThat(doc.get("spdxVersion").asText()).isEqualTo("SPDX-2.3");
    assertThat(doc.at("/creationInfo/created").asText()).isEqualTo("2026-11-27T19:00:00Z");
    assertThat(doc.get("packages")).hasSize(sbom.packages().size() + 1);
    assertThat(doc.get("relationships")).hasSize(sbom.packages().size() + 1);
    List<String> purls = doc.get("packages").findValues("referenceLocator").stream().map(JsonNode::asText).toList();
    assertThat(purls).containsExactlyElementsOf(sbom.packages().stream().map(SbomPackage::purl).toList());
    // a document that breaks the schema is caught: the check itself can fail
    ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("packages").get(1)).put("filesAnalyzed", "no");
    assertThat(schema.validate(doc)).isNotEmpty();
  }
}
