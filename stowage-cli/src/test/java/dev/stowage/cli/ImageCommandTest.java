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
        .containsExactly("index", "digest", "sizeBytes", "command", "added", "changed", "removed");
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

  private String write(String yaml) throws Exception {
    Path f = dir.resolve(".dive-ci");
    Files.writeString(f, yaml);
    return f.toString();
  }
}
