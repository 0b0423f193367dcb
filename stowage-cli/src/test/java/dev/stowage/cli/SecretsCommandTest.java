package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SecretsCommandTest {
  private static String busybox() {
    return SharedFixtures.root().resolve("images/dive/test-docker-image.tar").toString();
  }

  @Test
  void aCleanImagePassesInCi() throws Exception {
    Cli.Result r = Cli.run("secrets", "--ci", "--format", "json", busybox());
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("layers").asInt()).isEqualTo(14);
    assertThat(json.get("secrets")).isEmpty();
    assertThat(json.at("/ci/passed").asBoolean()).isTrue();
  }

  @Test
  void ttySaysHowManyInHowManyLayers() {
    Cli.Result r = Cli.run("secrets", busybox());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo(busybox() + ": 0 secrets in 14 layers\n");
  }
}
