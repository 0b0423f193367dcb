package dev.stowage.dockerfile.lexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs BuildKit's own shell-lexer tables ({@code envVarTest}, {@code wordsTest}) from the shared
 * fixtures, one test per row named by its line number, reading the columns as BuildKit's
 * lex_test.go does.
 */
class ShellLexerTableTest {

  /** The environment BuildKit's TestShellParser4EnvVars expands envVarTest with. */
  private static final Environment ENV_VAR_TEST_ENVIRONMENT =
      Environment.fromAssignments(List.of("PWD=/home", "SHELL=bash", "KOREAN=한국어", "NULL="));

  private static Path fixture(String name) {
    String shared = System.getProperty("stowage.shared", "../../shared");
    return Path.of(shared, "fixtures", "buildkit-shell", name);
  }

  private static List<String> lines(String name) throws IOException {
    Path path = fixture(name);
    assertThat(path).as("BuildKit table %s", name).isRegularFile();
    return Files.readAllLines(path, StandardCharsets.UTF_8);
  }

  /** A row of envVarTest: A (all) and U (Unix) rows run here, W (Windows) rows do not. */
  static Stream<Arguments> envVarRows() throws IOException {
    List<String> lines = lines("envVarTest");
    List<Arguments> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("#")) {
        continue;
      }
      line = Runes.trimSpace(line);
      if (line.isEmpty()) {
        continue;
      }
      String[] columns = line.split("\\|", -1);
      assertThat(columns).as("envVarTest line %d: %s", i + 1, line).hasSize(3);
      String platform = Runes.trimSpace(columns[0]);
      assertThat(platform).as("envVarTest line %d platform", i + 1).isIn("A", "U", "W");
      if (platform.equals("W")) {
        continue;
      }
      rows.add(
          Arguments.of(i + 1, Runes.trimSpace(columns[1]), Runes.trimSpace(columns[2])));
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "envVarTest line {0}: {1}")
  @MethodSource("envVarRows")
  void envVarTest(int line, String input, String expected) throws ExpansionException {
    ShellLexer lexer = ShellLexer.of();
    if (expected.equals("error")) {
      assertThatThrownBy(() -> lexer.processWord(input, ENV_VAR_TEST_ENVIRONMENT))
          .isInstanceOf(ExpansionException.class);
    } else {
      assertThat(lexer.processWord(input, ENV_VAR_TEST_ENVIRONMENT)).isEqualTo(expected);
      assertThat(lexer.processWordWithMatches(input, ENV_VAR_TEST_ENVIRONMENT).result())
          .isEqualTo(expected);
    }
  }

  /**
   * A row of wordsTest with the environment the ENV lines above it built: name and value split
   * at the first '=', the input trimmed, the expected words split on ',' after trimming spaces
   * on the left only (trailing spaces are part of the last word).
   */
  static Stream<Arguments> wordsRows() throws IOException {
    List<String> lines = lines("wordsTest");
    List<String> environment = new ArrayList<>();
    List<Arguments> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("ENV ")) {
        environment.add(stripLeadingSpaces(line.substring(3)));
        continue;
      }
      String[] columns = line.split("\\|", -1);
      assertThat(columns).as("wordsTest line %d: %s", i + 1, line).hasSize(2);
      rows.add(
          Arguments.of(
              i + 1,
              Runes.trimSpace(columns[0]),
              Arrays.asList(stripLeadingSpaces(columns[1]).split(",", -1)),
              List.copyOf(environment)));
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "wordsTest line {0}: {1}")
  @MethodSource("wordsRows")
  void wordsTest(int line, String input, List<String> expected, List<String> environment) {
    Environment env = Environment.fromAssignments(environment);
    List<String> actual;
    try {
      actual = ShellLexer.of().processWords(input, env);
    } catch (ExpansionException e) {
      actual = List.of("error");
    }
    assertThat(actual).containsExactlyElementsOf(expected);
  }

  @Test
  void tablesHaveTheExpectedNumberOfRows() throws IOException {
    assertThat(envVarRows()).hasSizeGreaterThanOrEqualTo(200);
    assertThat(wordsRows()).hasSizeGreaterThanOrEqualTo(20);
  }

  private static String stripLeadingSpaces(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    return s.substring(i);
  }
}
