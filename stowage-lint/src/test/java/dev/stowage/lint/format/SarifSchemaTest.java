package dev.stowage.lint.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.lint.LintOptions;
import dev.stowage.lint.Linter;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --format sarif} output is valid against the SARIF 2.1.0 JSON schema (see README). */
class SarifSchemaTest {
  private static final Schema SCHEMA = loadSchema();

  private static Schema loadSchema() {
    try (InputStream in =
        SarifSchemaTest.class.getResourceAsStream("/sarif/sarif-2.1.0-rtm.5.json")) {
      assertThat(in).as("schema resource").isNotNull();
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Error> validate(String sarif) {
    return SCHEMA.validate(sarif, InputFormat.JSON);
  }

  @Test
  void everyCaseIsValid() {
    for (var entry : FormatterCases.CASES.entrySet()) {
      String sarif =
          FindingsFormat.SARIF
              .formatter(FormatterCases.RULES, FindingsFormat.Colour.PLAIN)
              .format(entry.getValue());
      assertThat(validate(sarif)).as(entry.getKey()).isEmpty();
    }
  }

  @Test
  void noFilesIsValid() {
    String sarif =
        FindingsFormat.SARIF.formatter(List.of(), FindingsFormat.Colour.PLAIN).format(List.of());
    assertThat(validate(sarif)).isEmpty();
  }

  @Test
  void realLintOutputIsValidAndPointsIntoTheFile() throws IOException {
    Dockerfile df =
        Dockerfile.parse("app/Dockerfile", "FROM debian:latest\nFROM ubuntu\nRUN echo\nFORM x\n");
    Linter linter = Linter.builtIn();
    FileResult result = FileResult.of(df, linter.lint(df, LintOptions.defaults()));
    String sarif =
        FindingsFormat.SARIF
            .formatter(linter.rules(), FindingsFormat.Colour.PLAIN)
            .format(List.of(result));
    assertThat(validate(sarif)).isEmpty();
    JsonNode run = new ObjectMapper().readTree(sarif).at("/runs/0");
    assertThat(run.at("/results")).hasSize(result.findings().size());
    for (JsonNode r : run.at("/results")) {
      String id = r.get("ruleId").asText();
      assertThat(run.at("/tool/driver/rules/" + r.get("ruleIndex").asInt() + "/id").asText())
          .isEqualTo(id);
      assertThat(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
          .isEqualTo("app/Dockerfile");
    }
  }

  @Test
  void aBrokenLogIsRejected() {
    // The schema check is live: a result without a message must fail it.
    String broken =
        "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"x\"}},"
            + " \"results\": [{\"ruleId\": \"A\"}]}]}";
    assertThat(validate(broken)).isNotEmpty();
  }
}
