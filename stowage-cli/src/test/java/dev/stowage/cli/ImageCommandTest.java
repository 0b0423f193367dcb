package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  private static String dockerImage() {
    return "docker-archive:" + SharedFixtures.root().resolve("images/dive/test-docker-image.tar");
  }

  @Test
  void printsTheImageJson() throws Exception {
    Cli.Result r = Cli.run("image", "--format", "json", dockerImage());
    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isZero();
    JsonNode json = MAPPER.readTree(r.out());
    assertThat(json.get("source").asText()).isEqualTo(dockerImage());
    assertThat(json.at("/image/sizeBytes").asLong()).isEqualTo(1220598);
    assertThat(json.at("/image/wastedBytes").asLong()).isEqualTo(32025);
    assertThat(json.at("/image/efficiency").asDouble()).isEqualTo(0.9844212134184309);
    assertThat(json.get("layers")).hasSize(14);
    assertThat(json.at("/layers/0").fieldNames()).toIterable()
        .containsExactly("index", "digest", "sizeBytes", "command", "added", "changed", "removed",
            "compressedBytes", "uncompressedBytes", "addedBytes", "changedBytes", "removedBytes", "createdBy",
            "instruction");
    // Without a Dockerfile the history names the instruction; the line is unknown.
    assertThat(json.at("/layers/4/instruction/keyword").asText()).isEqualTo("RUN");
    assertThat(json.at("/layers/4/instruction/text").asText()).isEqualTo("chmod 444 /root/example/somefile1.txt");
    assertThat(json.at("/layers/4/instruction/line").isNull()).isTrue();
    assertThat(json.at("/layers/0/instruction/baseImage").asBoolean()).isFalse();
    assertThat(json.get("ci").isNull()).isTrue();
  }

  @Test
  void ciWithDiveDefaultsFailsOnUserWaste() throws Exception {
    Cli.Result r = Cli.run("image", "--ci", "--ci-config", write("rules:\n  lowestEfficiency: 0.9\n"), dockerImage());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("PASS lowestEfficiency").contains("FAIL highestUserWastedPercent");
  }

  @Test
  void ciPassesWithLooserBudgets() throws Exception {
    Cli.Result r = Cli.run("image", "--ci", "--format", "json", "--ci-config",
        write("rules:\n  lowestEfficiency: \"0.95\"\n  highestWastedBytes: 50KB\n  highestUserWastedPercent: disabled\n"),
        "--max-size", "2MB", "--max-layers", "14", dockerImage());
    assertThat(r.exitCode()).isZero();
    JsonNode ci = MAPPER.readTree(r.out()).get("ci");
    assertThat(ci.get("passed").asBoolean()).isTrue();
    assertThat(ci.get("rules")).hasSize(4);
  }

  /** dive's sample .dive-ci as its README shows it, comments and blank lines included. */
  @Test
  void readsDivesSampleCiFileAsIs() throws Exception {
    String sample = """
        rules:
          # If the efficiency is measured below X%, mark as failed.
          # Expressed as a ratio between 0-1.
          lowestEfficiency: 0.95

          # If the amount of wasted space is at least X or larger than X, mark as failed.
          # Expressed in B, KB, MB, and GB.
          highestWastedBytes: 20MB

          # If the amount of wasted space makes up for X% or more of the image, mark as failed.
          # Note: the base image layer is NOT included in the total image size.
          # Expressed as a ratio between 0-1; fails if the threshold is met or crossed.
          highestUserWastedPercent: 0.20
        """;
    Cli.Result r = Cli.run("image", "--ci", "--format", "json", "--ci-config", write(sample), dockerImage());
    assertThat(r.exitCode()).isEqualTo(1);
    JsonNode rules = MAPPER.readTree(r.out()).at("/ci/rules");
    assertThat(rules.findValuesAsText("threshold")).containsExactly("0.95", "20000000", "0.2");
    assertThat(rules.findValuesAsText("status")).containsExactly("PASS", "PASS", "FAIL");
  }

  @Test
  void ciFailsOnMaxLayers() throws Exception {
    Cli.Result r = Cli.run("image", "--ci", "--ci-config", write("rules:\n"), "--max-layers", "3", dockerImage());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("FAIL maxLayers: layers=14 > threshold=3");
  }

  @Test
  void aBadSourceExitsWithTwo() throws Exception {
    Path junk = dir.resolve("junk.tar");
    Files.writeString(junk, "not an image, not a tar\n".repeat(30));
    Cli.Result r = Cli.run("image", junk.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("layer 0 of " + junk + ": not a tar stream");
    assertThat(Cli.run("image", "oci:" + dir.resolve("missing")).exitCode()).isEqualTo(2);
  }

  private static String fixture(String name) {
    return SharedFixtures.root().resolve("images/dive/" + name).toString();
  }

  @Test
  void dockerfileLinesInTheWastesAndLayers() throws Exception {
    Cli.Result r = Cli.run("image", "--format", "json", "--dockerfile", fixture("Dockerfile.test-image"), dockerImage());
    assertThat(r.exitCode()).isZero();
    JsonNode json = MAPPER.readTree(r.out());
    assertThat(json.at("/layers/0/instruction/baseImage").asBoolean()).isTrue();
    assertThat(json.at("/layers/13/instruction/line").asInt()).isEqualTo(14);
    assertThat(json.at("/layers/13/compressedBytes").asLong()).isEqualTo(8704);
    JsonNode wastes = json.get("wastes");
    assertThat(wastes).hasSize(5);
    JsonNode first = wastes.get(0);
    assertThat(first.get("bytes").asLong()).isEqualTo(6405);
    assertThat(first.get("action").asText()).isEqualTo("overwrites");
    assertThat(first.at("/addedBy/line").asInt()).isEqualTo(4);
    assertThat(first.at("/removedBy/line").asInt()).isEqualTo(5);
    assertThat(first.get("path").asText()).isEqualTo("/root/example/somefile1.txt");
    assertThat(first.get("message").asText())
        .isEqualTo("RUN at Dockerfile line 4 adds 6.4 kB of /root/example/somefile1.txt that RUN at line 5 overwrites");
    Cli.Result tty = Cli.run("image", "--dockerfile", fixture("Dockerfile.test-image"), dockerImage());
    assertThat(tty.out())
        .contains("RUN at Dockerfile line 7 adds 6.4 kB of /root/example/somefile3.txt that RUN at line 8 deletes")
        .contains("line 14: /bin/sh -c chmod +x /root/saved.txt");
  }

  @Test
  void aMissingDockerfileExitsWithTwo() throws Exception {
    Cli.Result r = Cli.run("image", "--dockerfile", dir.resolve("nope").toString(), dockerImage());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(dir.resolve("nope") + ": cannot read");
  }

  @Test
  void junitReportsEachRuleAsATestCase() throws Exception {
    Cli.Result r = Cli.run("image", "--format", "junit", "--ci-config", write("rules:\n  lowestEfficiency: 0.9\n"),
        "--max-layers", "3", dockerImage());
    assertThat(r.exitCode()).isEqualTo(1);
    var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new java.io.ByteArrayInputStream(r.out().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    var cases = doc.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(3);
    assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(2);
    assertThat(cases.item(0).getAttributes().getNamedItem("name").getNodeValue()).isEqualTo("lowestEfficiency");
    assertThat(cases.item(0).getChildNodes().getLength()).isZero();
    assertThat(((org.w3c.dom.Element) doc.getElementsByTagName("failure").item(1)).getAttribute("message"))
        .isEqualTo("layers=14 > threshold=3");
  }

  @Test
  void githubAnnotatesFailedRulesAsErrors() throws Exception {
    Cli.Result r = Cli.run("image", "--format", "github", "--ci-config", write("rules:\n  highestUserWastedPercent: 0.9\n"),
        "--max-size", "1MB", dockerImage());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out().lines().toList()).containsExactly(
        "::notice title=stowage image lowestEfficiency::" + dockerImage()
            + ": PASS lowestEfficiency: efficiency=0.9844212134184309 >= threshold=0.9",
        "::notice title=stowage image highestUserWastedPercent::" + dockerImage()
            + ": PASS highestUserWastedPercent: %25-user-wasted-bytes=0.4834911001404049 <= threshold=0.9",
        "::error title=stowage image maxSize::" + dockerImage() + ": FAIL maxSize: size=1220598 > threshold=1000000");
  }

  @Test
  void diffOfTwoArchivesInJson() throws Exception {
    Cli.Result r = Cli.run("image", "diff", "--format", "json", dockerImage(),
        "oci-archive:" + fixture("test-oci-zstd-image.tar"));
    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isZero();
    JsonNode json = MAPPER.readTree(r.out());
    assertThat(json.get("sizeDelta").asLong()).isEqualTo(11189 - 1220598);
    assertThat(json.at("/summary/removed").asInt()).isEqualTo(405);
    assertThat(json.at("/summary/added").asInt()).isEqualTo(1);
    assertThat(json.get("layers")).hasSize(14);
    assertThat(json.at("/layers/0/status").asText()).isEqualTo("changed");
    assertThat(json.at("/layers/1/status").asText()).isEqualTo("removed");
    assertThat(json.at("/layers/1/after").isNull()).isTrue();
    JsonNode readme = null;
    for (JsonNode p : json.get("paths")) {
      if (p.get("path").asText().equals("/README.md")) {
        readme = p;
      }
    }
    assertThat(readme).isNotNull();
    assertThat(readme.get("status").asText()).isEqualTo("added");
    assertThat(readme.get("delta").asLong()).isEqualTo(11189);
  }

  @Test
  void diffInTtyListsTheLargestChangesFirst() throws Exception {
    Cli.Result r = Cli.run("image", "diff", "--top", "2", dockerImage(), fixture("test-oci-gzip-image.tar"));
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("files: 1 added, 405 removed, 0 changed")
        .contains("Paths (2 of 406, largest changes first):")
        .contains("  -    -1.1 MB  /bin/[\n")
        .contains("  -   -77.9 kB  /bin/getconf\n");
    assertThat(Cli.run("image", "diff", dockerImage()).exitCode()).isEqualTo(2);
  }

  private String write(String yaml) throws Exception {
    Path f = dir.resolve(".dive-ci");
    Files.writeString(f, yaml);
    return f.toString();
  }
}
