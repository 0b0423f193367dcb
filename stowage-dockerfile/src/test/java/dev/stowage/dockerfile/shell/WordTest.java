package dev.stowage.dockerfile.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordTest {

  private static Word word(String text) {
    ShellScript script = ShellScript.parse("echo " + text);
    assertThat(script.errors()).isEmpty();
    List<Word> args = script.commands().get(0).args();
    assertThat(args).hasSize(1);
    return args.get(0);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '%',
      value = {
        "'a b'|a b",
        "\"x\"y|xy",
        "a\\ b|a b",
        "\"a\\\"b\\$c\\d\"|a\"b$c\\d",
        "$'tab\\there'|tab\there",
        "/var/lib/apt/lists/*|/var/lib/apt/lists/*",
        "--opt='quoted value'|--opt=quoted value",
      })
  void literalRemovesQuotes(String raw, String literal) {
    assertThat(word(raw).literal()).contains(literal);
    assertThat(word(raw).raw()).isEqualTo(raw);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '%',
      value = {
        "$HOME/bin|$HOME/bin",
        "\"${PYTHON_VERSION%%[a-z]*}\"|${PYTHON_VERSION%%[a-z]*}",
        "\"$(dpkg --print-architecture)\"|$(dpkg --print-architecture)",
        "`uname -m`.tar|`uname -m`.tar",
        "$((1 + 2))|$((1 + 2))",
        "'$x'\"$y\"|$x$y",
      })
  void textKeepsExpansionsAsWritten(String raw, String text) {
    Word w = word(raw);
    assertThat(w.text()).isEqualTo(text);
    assertThat(w.literal())
        .isEqualTo(raw.equals("'$x'\"$y\"") ? w.literal() : java.util.Optional.empty());
    assertThat(w.hasExpansion()).isTrue();
  }

  @Test
  void parsesParameterExpansions() {
    Word w = word("\"${GPG_KEY:-$(cat key)}\"$1${#arr}${!ref}$@");
    WordPart.DoubleQuoted dq = (WordPart.DoubleQuoted) w.parts().get(0);
    WordPart.Parameter p = (WordPart.Parameter) dq.parts().get(0);
    assertThat(p.name()).isEqualTo("GPG_KEY");
    assertThat(p.operator()).isEqualTo(":-");
    assertThat(p.argument().orElseThrow().raw()).isEqualTo("$(cat key)");
    assertThat(w.parts().subList(1, w.parts().size()))
        .extracting(part -> ((WordPart.Parameter) part).name())
        .containsExactly("1", "#arr", "!ref", "@");
    assertThat(w.commandSubstitutions()).hasSize(1);
  }

  @Test
  void parsesCommandSubstitutionsRecursively() {
    Word w = word("\"$(echo \"$(uname -r)\" `id -u`)\"");
    WordPart.CommandSubstitution outer = w.commandSubstitutions().get(0);
    assertThat(outer.style()).isEqualTo(WordPart.Style.DOLLAR_PAREN);
    ShellScript script = ShellScript.parse("echo " + w.raw());
    assertThat(script.commands())
        .extracting(Command::name)
        .containsExactly("echo", "echo", "uname", "id");
  }

  @Test
  void lineContinuationInsideAWordIsRemoved() {
    Word w = word("a\\\nb");
    assertThat(w.literal()).contains("ab");
  }

  @Test
  void parsesArithmetic() {
    WordPart.Arithmetic a = (WordPart.Arithmetic) word("$(( $(nproc) * 2 ))").parts().get(0);
    assertThat(a.expression()).isEqualTo(" $(nproc) * 2 ");
  }

  @Test
  void partOffsetsCoverTheirText() {
    String src = "echo pre'sq'\"dq $v\"${x}post";
    Word w = ShellScript.parse(src).commands().get(0).args().get(0);
    assertThat(w.parts())
        .extracting(p -> src.substring(p.offset(), p.endOffset()))
        .containsExactly("pre", "'sq'", "\"dq $v\"", "${x}", "post");
  }

  @Test
  void processSubstitutionIsParsed() {
    ShellScript script = ShellScript.parse("diff <(sort a) >(tee b)");
    assertThat(script.errors()).isEmpty();
    assertThat(script.commands()).extracting(Command::name).containsExactly("diff", "sort", "tee");
    assertThat(script.commands().get(0).args().get(0).commandSubstitutions().get(0).style())
        .isEqualTo(WordPart.Style.PROCESS_INPUT);
  }
}
