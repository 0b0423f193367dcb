package dev.stowage.dockerfile.lexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.dockerfile.lexer.ShellLexer.Option;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Focused cases for each expansion form, the match reporting, the escape character and options. */
class ShellLexerTest {

  private static final ShellLexer LEXER = ShellLexer.of();

  private static String expand(String word, Map<String, String> env) throws ExpansionException {
    return LEXER.processWord(word, Environment.of(env));
  }

  private static ExpansionException failure(String word, Map<String, String> env) {
    try {
      String result = LEXER.processWord(word, Environment.of(env));
      throw new AssertionError("expected " + word + " to fail, got " + result);
    } catch (ExpansionException e) {
      return e;
    }
  }

  @Nested
  class PlainReferences {
    @Test
    void expandsDollarNameAndBraces() throws ExpansionException {
      assertThat(expand("a$FOO-${FOO}b", Map.of("FOO", "x"))).isEqualTo("ax-xb");
    }

    @Test
    void unsetVariableIsEmpty() throws ExpansionException {
      assertThat(expand("a${NOPE}b$NOPE", Map.of())).isEqualTo("ab");
    }

    @Test
    void namesAreCaseSensitive() throws ExpansionException {
      assertThat(expand("$foo|$FOO", Map.of("FOO", "x"))).isEqualTo("|x");
    }

    @Test
    void dollarBeforeNonNameCharacterStaysLiteral() throws ExpansionException {
      assertThat(expand("$ $. $/x $", Map.of())).isEqualTo("$ $. $/x $");
    }

    @Test
    void positionalParametersAreDigitRunsAndExpandToEmpty() throws ExpansionException {
      assertThat(expand("a$1b ${10}c $0d", Map.of())).isEqualTo("ab c d");
    }

    @Test
    void specialParametersTakeOneCharacter() throws ExpansionException {
      assertThat(expand("$@@ $$x $#y", Map.of())).isEqualTo("@ x y");
    }

    @Test
    void letterNamesMayBeUnicode() throws ExpansionException {
      assertThat(expand("$변수!", Map.of("변수", "v"))).isEqualTo("v!");
    }
  }

  @Nested
  class Operators {
    private final Map<String, String> env = Map.of("SET", "value", "EMPTY", "");

    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(
        delimiter = '|',
        emptyValue = "",
        value = {
          "${SET:-w}|value",
          "${EMPTY:-w}|w",
          "${UNSET:-w}|w",
          "${SET-w}|value",
          "${EMPTY-w}|''",
          "${UNSET-w}|w",
          "${SET:+w}|w",
          "${EMPTY:+w}|''",
          "${UNSET:+w}|''",
          "${SET+w}|w",
          "${EMPTY+w}|w",
          "${UNSET+w}|''",
          "${SET:?m}|value",
          "${SET?m}|value",
          "${EMPTY?m}|''",
          "${UNSET:-${SET:+in}ner}|inner",
          "${UNSET:-a b  c}|a b  c",
          "${UNSET:-'q}'}|q}",
          "${UNSET:-\"$SET\"}|value",
          "${UNSET:-x\\}y}|x}y",
        })
    void defaultsAndAlternatives(String word, String expected) throws ExpansionException {
      assertThat(expand(word, env)).isEqualTo(expected);
    }

    @Test
    void questionMarkFailsOnUnsetWithTheMessage() {
      ExpansionException e = failure("ab${UNSET?please set $SET}", env);
      assertThat(e.reason()).isEqualTo("UNSET: please set value");
      assertThat(e.offset()).isEqualTo(2);
      assertThat(e.getMessage()).contains("UNSET: please set value").contains("offset 2");
    }

    @Test
    void questionMarkHasDefaultMessages() {
      assertThat(failure("${UNSET?}", env).reason()).isEqualTo("UNSET: is not allowed to be unset");
      assertThat(failure("${UNSET:?}", env).reason())
          .isEqualTo("UNSET: is not allowed to be unset");
      assertThat(failure("${EMPTY:?}", env).reason())
          .isEqualTo("EMPTY: is not allowed to be empty");
      assertThat(failure("${EMPTY:?custom}", env).reason()).isEqualTo("EMPTY: custom");
    }
  }

  @Nested
  class PatternOperators {
    @ParameterizedTest(name = "{0} with FOO={1} -> [{2}]")
    @CsvSource(
        delimiter = '|',
        emptyValue = "",
        value = {
          "${FOO#*x*y}|xxyy|y",
          "${FOO#*}|xxyy|xxyy",
          "${FOO#}|xxyy|xxyy",
          "${FOO##*x}|xxyy|yy",
          "${FOO##}|xxyy|xxyy",
          "${FOO#?\\?}|???y|?y",
          "${FOO%x}|xxyy|xxyy",
          "${FOO%y}|xxyy|xxy",
          "${FOO%%y*}|xxyy|xx",
          "${FOO%y*}|xxyy|xxy",
          "${FOO%%\\**}|xx**|xx",
          "${FOO%%\\**\\*}|a***yy*|a",
          "${FOO%}|xxyy|xxyy",
          "${FOO#[a]}|[a]b|b",
          "${FOO#a.c}|abc|abc",
          "${FOO%.tar.gz}|x.tar.gz|x",
          "${FOO##*/}|/usr/local/bin/tool|tool",
          "${FOO%/*}|/usr/local/bin/tool|/usr/local/bin",
          "${FOO/o/0}|foo|f0o",
          "${FOO//o/0}|foo|f00",
          "${FOO/?/X}|abc|Xbc",
          "${FOO//[/(}|a[b[|a(b(",
          "${FOO//\\//\\/}|/tmp/foo.txt|\\/tmp\\/foo.txt",
          "${FOO///}|xxyy|xxyy",
          "${FOO/*/X}|abc|X",
        })
    void trimsAndReplaces(String word, String value, String expected) throws ExpansionException {
      assertThat(expand(word, Map.of("FOO", value))).isEqualTo(expected);
    }

    @Test
    void specialRegexCharactersAreLiteral() throws ExpansionException {
      assertThat(expand("${FOO#()[]{\\}^$.\\*\\?|\\\\}", Map.of("FOO", "()[]{}^$.*?|\\x")))
          .isEqualTo("x");
    }

    @Test
    void patternsAndReplacementsExpandVariables() throws ExpansionException {
      Map<String, String> env =
          Map.of("FOO", "/a/foo/b/c.txt", "NEEDLE", "/?/", "REPLACEMENT", "/");
      assertThat(expand("${FOO/$NEEDLE/$REPLACEMENT} - ${FOO//$NEEDLE/$REPLACEMENT}", env))
          .isEqualTo("/foo/b/c.txt - /foo/c.txt");
      assertThat(expand("${FOO/$NEEDLE/.} - ${FOO//$NEEDLE/.}",
              Map.of("FOO", "/foo*/*/*.txt", "NEEDLE", "\\*/")))
          .isEqualTo("/foo.*/*.txt - /foo..*.txt");
      assertThat(expand("${FOO/$BAR/ww}", Map.of("FOO", "xxyy", "BAR", ""))).isEqualTo("wwxxyy");
    }

    @Test
    void wildcardsDoNotCrossLineFeeds() throws ExpansionException {
      assertThat(expand("${FOO#*b}", Map.of("FOO", "a\nb"))).isEqualTo("a\nb");
      assertThat(expand("${FOO//?/.}", Map.of("FOO", "a\nb"))).isEqualTo(".\n.");
    }

    @Test
    void replaceAllReadsReplacementAsGoTemplate() throws ExpansionException {
      // Go's ReplaceAllString: $0 is the match, $$ a dollar, other names expand to nothing.
      Map<String, String> env = Map.of("FOO", "abc", "T", "[$0]", "U", "$$-$1-${0}-$");
      assertThat(expand("${FOO//b/$T}", env)).isEqualTo("a[b]c");
      assertThat(expand("${FOO//b/$U}", env)).isEqualTo("a$--b-$c");
      assertThat(expand("${FOO/b/$T}", env)).isEqualTo("a[$0]c");
    }

    @Test
    void emptyPatternReplacesBetweenCharacters() throws ExpansionException {
      assertThat(expand("${FOO//$E/-}", Map.of("FOO", "ab", "E", ""))).isEqualTo("-a-b-");
    }

    @Test
    void invalidEscapeInPatternFails() {
      assertThat(failure("${FOO#a\\x}", Map.of("FOO", "a")).reason())
          .startsWith("invalid pattern (a\\x) in substitution");
    }

    @Test
    void colonBeforeHashOrPercentIsUnsupported() {
      assertThat(failure("${FOO:#x}", Map.of("FOO", "x")).reason())
          .isEqualTo("unsupported modifier (:#) in substitution");
      assertThat(failure("${FOO:%x}", Map.of("FOO", "x")).reason())
          .isEqualTo("unsupported modifier (:%) in substitution");
    }

    @Test
    void slashNeedsTwoParts() {
      assertThat(failure("${FOO//ww}", Map.of("FOO", "x")).reason())
          .isEqualTo("syntax error: missing '/' in ${}");
      assertThat(failure("${FOO//}", Map.of("FOO", "x")).reason())
          .isEqualTo("syntax error: missing '/' in ${}");
    }
  }

  @Nested
  class Errors {
    @ParameterizedTest(name = "{0}: {1} at {2}")
    @CsvSource(
        delimiter = '|',
        value = {
          "ab${}|syntax error: bad substitution|2",
          "${:-x}|syntax error: bad substitution|0",
          "${{x}|syntax error: bad substitution|0",
          "x${|syntax error: missing '}'|1",
          "x${abc|syntax error: missing '}'|1",
          "x${a:-${b:-c}|syntax error: missing '}'|1",
          "${a.b}|unsupported modifier (.) in substitution|0",
          "${a:=b}|unsupported modifier (:=) in substitution|0",
          "ab'cd|unexpected end of statement while looking for matching single-quote|2",
          "a\"b\\\"|unexpected end of statement while looking for matching double-quote|1",
          "${a:-\"b}|syntax error: missing '}'|0",
        })
    void reportsReasonAndOffset(String word, String reason, int offset) {
      ExpansionException e = failure(word, Map.of());
      assertThat(e.reason()).isEqualTo(reason);
      assertThat(e.offset()).isEqualTo(offset);
      assertThat(e.word()).isEqualTo(word);
      assertThat(e.getMessage()).startsWith("failed to process \"");
    }

    @Test
    void innerErrorSurvivesWhenInputContinues() {
      assertThat(failure("${a:-${}}x", Map.of()).reason())
          .isEqualTo("syntax error: bad substitution");
      assertThat(failure("${a:-${b?gone}}", Map.of()).reason()).isEqualTo("b: gone");
    }

    @Test
    void longWordsAreAbbreviatedInTheMessage() {
      String word = "x".repeat(1000) + "${";
      assertThat(failure(word, Map.of()).getMessage()).hasSizeLessThan(200);
    }
  }

  @Nested
  class Quotes {
    @Test
    void singleQuotesAreLiteral() throws ExpansionException {
      assertThat(expand("'$FOO \\x'", Map.of("FOO", "f"))).isEqualTo("$FOO \\x");
    }

    @Test
    void doubleQuotesExpandAndEscapeOnlySomeCharacters() throws ExpansionException {
      assertThat(expand("\"$FOO \\$FOO \\\" \\\\ \\x '\"", Map.of("FOO", "f")))
          .isEqualTo("f $FOO \" \\ \\x '");
    }

    @Test
    void escapeOutsideQuotesTakesAnyCharacterLiterally() throws ExpansionException {
      assertThat(expand("\\$FOO\\ \\'\\x\\", Map.of("FOO", "f"))).isEqualTo("$FOO 'x");
    }
  }

  @Nested
  class BacktickEscape {
    private final ShellLexer lexer = ShellLexer.of('`');

    @Test
    void backtickEscapesAndBackslashIsLiteral() throws ExpansionException {
      Environment env = Environment.of(Map.of("FOO", "f"));
      assertThat(lexer.processWord("C:\\dir\\$FOO`$FOO", env)).isEqualTo("C:\\dir\\f$FOO");
      assertThat(lexer.processWord("\"a`\"b\\\"", env)).isEqualTo("a\"b\\");
      assertThat(lexer.processWords("a` b c", env)).containsExactly("a b", "c");
    }

    @Test
    void patternsStillUseBackslash() throws ExpansionException {
      Environment env = Environment.of(Map.of("FOO", "a*b"));
      assertThat(lexer.processWord("${FOO#a\\*}", env)).isEqualTo("b");
    }

    @Test
    void rejectsOtherEscapeCharacters() {
      assertThatThrownBy(() -> ShellLexer.of('$')).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class WordSplitting {
    private final Environment env =
        Environment.of(Map.of("SPACE", " a  b ", "X", "x", "NBSP", "a\u00a0b"));

    @Test
    void splitsOnUnquotedWhiteSpaceIncludingExpandedValues() throws ExpansionException {
      assertThat(LEXER.processWords("  one$SPACE\"two  $X\" 'th ree'\\ four ", env))
          .containsExactly("one", "a", "b", "two  x", "th ree four");
    }

    @Test
    void emptyQuotesMakeNoWord() throws ExpansionException {
      assertThat(LEXER.processWords("'' \"\" a", env)).containsExactly("a");
      assertThat(LEXER.processWords("", env)).isEmpty();
    }

    @Test
    void usesGoWhiteSpaceDefinition() throws ExpansionException {
      assertThat(LEXER.processWords("$NBSP", env)).containsExactly("a", "b");
    }

    // The newest lex.go shares one word buffer between nesting levels, so a nested ${...}
    // drops the text before it ("pre") from the split words; that is a regression of a buffer
    // reuse, not a documented behaviour, and Stowage keeps the earlier, intended result.
    @Test
    void nestedDefaultKeepsTheSurroundingWord() throws ExpansionException {
      assertThat(LEXER.processWords("pre${UNSET:-a b}post x", env))
          .containsExactly("prea", "bpost", "x");
    }
  }

  @Nested
  class Matches {
    @Test
    void reportsFoundAndMissingNames() throws ExpansionException {
      Environment env = Environment.of(Map.of("FOO", "xxx", "BAR", ""));
      Expansion expansion =
          LEXER.processWordWithMatches("${FOO:-aaa} ${BAR:-bbb} ${BAZ:-ccc} $1", env);
      assertThat(expansion.result()).isEqualTo("xxx bbb ccc ");
      assertThat(expansion.words()).containsExactly("xxx", "bbb", "ccc");
      assertThat(expansion.matched()).containsExactly("FOO", "BAR");
      assertThat(expansion.unmatched()).containsExactly("BAZ", "1");
    }

    @Test
    void includesNamesInNestedWordsAndPatterns() throws ExpansionException {
      Environment env = Environment.of(Map.of("FOO", "xxyy", "BAR", "x"));
      Expansion expansion = LEXER.processWordWithMatches("${FOO#$BAR}${NONE:-$OTHER}", env);
      assertThat(expansion.result()).isEqualTo("xyy");
      assertThat(expansion.matched()).containsExactly("BAR", "FOO");
      assertThat(expansion.unmatched()).containsExactly("OTHER", "NONE");
    }

    @Test
    void singleQuotedAndEscapedReferencesAreNotReferences() throws ExpansionException {
      Expansion expansion =
          LEXER.processWordWithMatches("'$A' \\$B", Environment.empty());
      assertThat(expansion.matched()).isEmpty();
      assertThat(expansion.unmatched()).isEmpty();
    }

    @Test
    void resultSetsAreImmutable() throws ExpansionException {
      Expansion expansion = LEXER.processWordWithMatches("$A", Environment.empty());
      assertThatThrownBy(() -> expansion.unmatched().add("B"))
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Nested
  class Options {
    private final Environment env = Environment.of(Map.of("SET", "v"));

    @Test
    void skipUnsetEnvKeepsReferencesAsWritten() throws ExpansionException {
      ShellLexer lexer = ShellLexer.of('\\', Option.SKIP_UNSET_ENV);
      assertThat(lexer.processWord("$SET $NO ${NO} ${NO:-d} ${NO+x} ${NO#p} ${NO//a/b}", env))
          .isEqualTo("v $NO ${NO} ${NO:-d} ${NO+x} ${NO#p} ${NO/a/b}");
      assertThat(lexer.processWord("${NO:?must}", env)).isEqualTo("${NO:?must}");
      assertThat(lexer.processWord("${NO:YYY}", env)).isEqualTo("${NO:YYY}");
    }

    @Test
    void rawQuotesKeepQuoteCharacters() throws ExpansionException {
      ShellLexer lexer = ShellLexer.of('\\', Option.RAW_QUOTES);
      assertThat(lexer.processWord("'a $SET' \"b $SET\"", env)).isEqualTo("'a $SET' \"b v\"");
      assertThat(lexer.processWords("'a b' c", env)).containsExactly("'a b'", "c");
    }

    @Test
    void rawEscapesKeepEscapeCharacters() throws ExpansionException {
      ShellLexer lexer = ShellLexer.of('\\', Option.RAW_ESCAPES);
      assertThat(lexer.processWord("a\\ b\\$SET", env)).isEqualTo("a\\ b\\$SET");
      // Inside double quotes BuildKit writes the escape, then the escaped or unescapable character.
      assertThat(lexer.processWord("\"\\$SET\\x\"", env)).isEqualTo("\\$SET\\\\x");
    }

    @Test
    void skipProcessQuotesTreatsQuotesAsText() throws ExpansionException {
      ShellLexer lexer = ShellLexer.of('\\', Option.SKIP_PROCESS_QUOTES);
      assertThat(lexer.processWord("'$SET' \"$SET", env)).isEqualTo("'v' \"v");
      assertThat(lexer.processWords("'a b'", env)).containsExactly("'a", "b'");
    }

    @Test
    void withAddsOptionsWithoutChangingTheOriginal() {
      ShellLexer base = ShellLexer.of();
      ShellLexer both = base.with(Option.RAW_QUOTES, Option.SKIP_UNSET_ENV);
      assertThat(base.options()).isEmpty();
      assertThat(both.options())
          .containsExactlyInAnyOrder(Option.RAW_QUOTES, Option.SKIP_UNSET_ENV);
      assertThat(both.escape()).isEqualTo('\\');
    }
  }

  @Nested
  class Environments {
    @Test
    void fromAssignmentsFollowsBuildKit() {
      Environment env = Environment.fromAssignments(List.of("A=1", "B", "C=x=y", "A=2"));
      assertThat(env.lookup("A")).contains("2");
      assertThat(env.lookup("B")).contains("");
      assertThat(env.lookup("C")).contains("x=y");
      assertThat(env.lookup("D")).isEmpty();
    }

    @Test
    void nullFromALookupCountsAsUnset() throws ExpansionException {
      Expansion expansion = LEXER.processWordWithMatches("${X:-d}", name -> null);
      assertThat(expansion.result()).isEqualTo("d");
      assertThat(expansion.unmatched()).isEqualTo(Set.of("X"));
    }

    @Test
    void byteOrderMarkAtStartIsIgnoredAsByGoScanner() throws ExpansionException {
      assertThat(LEXER.processWord("\ufeffa\ufeff", Environment.empty())).isEqualTo("a\ufeff");
    }
  }
}
