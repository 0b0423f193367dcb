package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code lint --format json} over every official Dockerfile at once never crashes. */
class LintCorpusTest {
  @Test
  void lintsEveryOfficialDockerfile() throws IOException {
    List<Path> files = SharedFixtures.officialDockerfiles();
    assertThat(files).hasSizeGreaterThanOrEqualTo(465);
    String[] args = new String[files.size() + 3];
    args[0] = "lint";
    args[1] = "--format";
    args[2] = "json";
    for (int i = 0; i < files.size(); i++) {
      args[i + 3] = files.get(i).toString();
    }
    Cli.Result r = Cli.run(args);
    assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
    assertThat(r.err()).isEmpty();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.isArray()).isTrue();
    Set<String> known = new HashSet<>();
    files.forEach(f -> known.add(f.toString()));
    for (JsonNode f : json) {
      assertThat(known).contains(f.get("file").asText());
      assertThat(f.get("message").asText()).doesNotStartWith("internal error");
      assertThat(f.get("line").asInt()).isPositive();
    }
  }
}
