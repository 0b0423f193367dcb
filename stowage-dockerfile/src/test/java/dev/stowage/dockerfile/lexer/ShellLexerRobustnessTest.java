package dev.stowage.dockerfile.lexer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.dockerfile.lexer.ShellLexer.Option;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Hostile input: the lexer fails only with ExpansionException and never recurses on nesting. */
class ShellLexerRobustnessTest {

  private static final Environment ENV =
      Environment.of(Map.of("A", "a b", "B", "", "C", "*?\\[}", "NL", "x\ny"));

  @Provide
  Arbitrary<String> words() {
    return Arbitraries.strings()
        .withChars("${}:-+?#%/\\'\"` abAB1@*.[]\n\t\u00a0한")
        .ofMinLength(0)
        .ofMaxLength(40);
  }

  @Provide
  Arbitrary<ShellLexer> lexers() {
    return Arbitraries.of('\\', '`')
        .flatMap(
            escape ->
                Arbitraries.subsetOf(Option.values())
                    .map(options -> ShellLexer.of(escape, options.toArray(Option[]::new))));
  }

  @Property(tries = 3000)
  void onlyExpansionExceptionEscapes(
      @ForAll("words") String word, @ForAll("lexers") ShellLexer lexer) {
    try {
      Expansion expansion = lexer.processWordWithMatches(word, ENV);
      assertThat(lexer.processWord(word, ENV)).isEqualTo(expansion.result());
      assertThat(lexer.processWords(word, ENV)).isEqualTo(expansion.words());
      assertThat(expansion.words()).doesNotContain("");
    } catch (ExpansionException e) {
      assertThat(e.offset()).isBetween(0, word.length());
      assertThat(e.reason()).isNotBlank();
    }
  }

  @Property(tries = 500)
  void wordsWithoutSpecialCharactersExpandToThemselves(
      @ForAll @Size(max = 30) String word) throws ExpansionException {
    // A byte-order mark at the very start is dropped by design, as BuildKit's lexer does.
    String plain = word.replaceAll("[$'\"\\\\\uFEFF]", "");
    assertThat(ShellLexer.of().processWord(plain, ENV)).isEqualTo(plain);
  }

  @Test
  void deeplyNestedDefaultsOfOneMegabyteExpand() throws ExpansionException {
    int depth = 1 << 17; // "${U:-" is 5 characters, "}" 1: 6 * 131072 + 1 = 786433
    String word = "${U:-".repeat(depth) + "x" + "}".repeat(depth) + "y".repeat(250_000);
    assertThat(word.length()).isGreaterThan(1_000_000);
    Expansion expansion = ShellLexer.of().processWordWithMatches(word, Environment.empty());
    assertThat(expansion.result()).isEqualTo("x" + "y".repeat(250_000));
    assertThat(expansion.unmatched()).containsExactly("U");
  }

  @Test
  void deeplyNestedUnsetReferencesAreKeptWithSkipUnsetEnv() throws ExpansionException {
    int depth = 150_000;
    String word = "${U:-".repeat(depth) + "x" + "}".repeat(depth) + "${Q:+z}";
    ShellLexer lexer = ShellLexer.of('\\', Option.SKIP_UNSET_ENV);
    String result = lexer.processWord(word, Environment.empty());
    assertThat(result).isEqualTo(word);
  }

  @Test
  void deeplyNestedQuotesAndPatternsExpand() throws ExpansionException {
    int depth = 100_000;
    // Each level is ${A#"${A%"<inner>"}"}: the inner level leaves "", so A%"" is "a b" and
    // A#"a b" is "" again.
    String word = "${A#\"${A%\"".repeat(depth) + "\"}\"}".repeat(depth);
    assertThat(word.length()).isGreaterThan(1_000_000);
    assertThat(ShellLexer.of().processWord(word, ENV)).isEmpty();
    assertThat(ShellLexer.of().processWord("${A#\"${A%\"\"}\"}", ENV)).isEmpty();
    assertThat(ShellLexer.of().processWord("${A%\"${A#\"a\"}\"}", ENV)).isEqualTo("a");
  }

  @Test
  void unterminatedDeepNestingFailsWithMissingBrace() {
    String word = "${U:-".repeat(200_000) + "x";
    try {
      ShellLexer.of().processWord(word, Environment.empty());
      throw new AssertionError("expected a failure");
    } catch (ExpansionException e) {
      assertThat(e.reason()).isEqualTo("syntax error: missing '}'");
      assertThat(e.offset()).isZero();
    }
  }

  @Test
  void longWordsOfEveryKindExpand() throws ExpansionException {
    int n = 200_000;
    ShellLexer lexer = ShellLexer.of();
    assertThat(lexer.processWord("'" + "a".repeat(n) + "'", ENV)).hasSize(n);
    assertThat(lexer.processWord("\"" + "$A".repeat(n) + "\"", ENV)).hasSize(3 * n);
    assertThat(lexer.processWords("$A".repeat(n), ENV)).hasSize(n + 1);
    assertThat(lexer.processWord("\\x".repeat(n), ENV)).hasSize(n);
  }

  @Test
  void manyWildcardsMatchWithoutBacktracking() throws ExpansionException {
    String value = "a".repeat(3_000);
    Environment env = Environment.of(Map.of("V", value));
    String pattern = "*a".repeat(200) + "*b";
    ShellLexer lexer = ShellLexer.of();
    assertThat(lexer.processWord("${V#" + pattern + "}", env)).isEqualTo(value);
    assertThat(lexer.processWord("${V%%" + pattern + "}", env)).isEqualTo(value);
    assertThat(lexer.processWord("${V/" + pattern + "/x}", env)).isEqualTo(value);
  }
}
