package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.dockerfile.Dockerfile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParseCorpusTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void parsesEveryOfficialDockerfileThroughTheCommandLine() throws IOException {
    List<Path> files = SharedFixtures.officialDockerfiles();
    assertThat(files).hasSizeGreaterThan(400);
    for (Path file : files) {
      Dockerfile expected = Dockerfile.read(file);
      Cli.Result r = Cli.run("parse", file.toString());
      if (expected.hasErrors()) {
        assertThat(r.exitCode()).as(file.toString()).isEqualTo(2);
        assertThat(r.out()).as(file.toString()).isEmpty();
        assertThat(r.err().lines()).as(file.toString()).hasSize(expected.errors().size());
        continue;
      }
      assertThat(r.exitCode()).as(file + ": " + r.err()).isZero();
      JsonNode json = MAPPER.readTree(r.out());
      assertThat(json.get("instructions"))
          .as(file.toString())
          .hasSize(expected.instructions().size());
      assertThat(json.get("file").asText()).isEqualTo(file.toString());
      long froms = expected.instructions().stream().filter(i -> i.name().equals("FROM")).count();
      assertThat(json.get("stages")).as(file.toString()).hasSize((int) froms);
    }
  }
}
