package dev.stowage.dockerfile.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RobustnessTest {

  private static final int MEGABYTE = 1 << 20;

  @Provide
  Arbitrary<String> shellish() {
    Arbitrary<String> tokens =
        Arbitraries.of(
            "(",
            ")",
            "{",
            "}",
            "$(",
            "${",
            "`",
            "'",
            "\"",
            "\\",
            "\n",
            ";",
            ";;",
            "&",
            "&&",
            "|",
            "||",
            "<",
            "<<",
            "<<-",
            ">",
            ">&",
            "2>",
            "#",
            "$",
            "$((",
            "))",
            "=",
            " ",
            "\t",
            "if",
            "then",
            "else",
            "fi",
            "for",
            "in",
            "do",
            "done",
            "while",
            "case",
            "esac",
            "!",
            "[[",
            "]]",
            "EOF",
            "a",
            "x=1",
            "-o",
            "rm",
            "-rf",
            "/",
            "*",
            ":-",
            "\r",
            "$'",
            "<(",
            "function");
    return Arbitraries.oneOf(
        tokens.list().ofMaxSize(60).map(l -> String.join("", l)),
        Arbitraries.strings().withChars("()${}`'\"\\\n;&|<> #=!*a-ox\t").ofMaxLength(80));
  }

  @Property(tries = 3000)
  void neverThrowsAndKeepsOffsetsInRange(@ForAll("shellish") String source) {
    ShellScript script = ShellScript.parse(source);
    int n = source.length();
    for (ShellError e : script.errors()) {
      assertThat(e.offset()).isBetween(0, n);
      assertThat(e.endOffset()).isBetween(e.offset(), n);
    }
    List<Node> nodes = new ArrayList<>();
    collect(script.body(), nodes);
    for (Node node : nodes) {
      assertThat(node.offset()).as("%s in %s", node, source).isBetween(0, n);
      assertThat(node.endOffset()).as("%s in %s", node, source).isBetween(node.offset(), n);
      if (node instanceof Word w) {
        assertThat(source.substring(w.offset(), w.endOffset())).isEqualTo(w.raw());
        int previous = w.offset();
        for (WordPart part : w.parts()) {
          assertThat(part.offset()).isGreaterThanOrEqualTo(previous);
          assertThat(part.endOffset()).isLessThanOrEqualTo(w.endOffset());
          previous = part.endOffset();
        }
      }
    }
    int previous = 0;
    for (Command c : script.commands()) {
      assertThat(c.offset()).isGreaterThanOrEqualTo(previous);
      assertThat(c.endOffset()).isBetween(c.offset(), n);
      previous = c.offset();
      c.hasFlag("-y");
      c.flagValue("-o");
      c.argsWithoutFlags();
    }
    script.pipefail();
    script.pipesIntoShell();
    script.packageInstalls();
    if (!script.commands().isEmpty()) {
      script.isRemovedAfter(script.commands().get(0), "/var/lib/apt/lists/*");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "(",
        "$(",
        "${x:-",
        "\"$(",
        "`$(",
        "{ ",
        "if a; then ",
        "f() ",
        "<(",
        "$((",
        "while a; do ",
        "case a in b) "
      })
  void deepNestingOfOneMegabyteDoesNotOverflowTheStack(String opener) {
    String source = opener.repeat(MEGABYTE / opener.length());
    ShellScript script =
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> ShellScript.parse(source));
    assertThat(script.errors()).isNotEmpty();
    assertThat(script.commands().size()).isLessThan(MEGABYTE);
  }

  @Test
  void deepButBalancedNestingIsKeptUnparsedBeyondTheBound() {
    int levels = 200;
    String source = "$(".repeat(levels) + "echo hi" + ")".repeat(levels);
    ShellScript script = ShellScript.parse("x=" + source);
    assertThat(script.errors())
        .anySatisfy(e -> assertThat(e.message()).contains("nesting too deep"));
    assertThat(script.commands().size()).isLessThanOrEqualTo(ShellParser.MAX_DEPTH + 1);
  }

  @Test
  void shallowNestingIsFullyParsed() {
    String source = "(".repeat(20) + "echo hi" + ")".repeat(20);
    ShellScript script = ShellScript.parse(source);
    assertThat(script.errors()).isEmpty();
    assertThat(script.commands()).extracting(Command::name).containsExactly("echo");
  }

  @Test
  void longFlatInputsAreLinear() {
    String source = "a && b | c; ".repeat(50_000) + "'unterminated";
    ShellScript script =
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> ShellScript.parse(source));
    assertThat(script.commands()).hasSize(150_001);
    assertThat(script.errors()).hasSize(1);
  }

  @Test
  void manyHereDocumentsAndQuotesStayLinear() {
    String source = "cat <<EOF\n".repeat(20_000) + "body\n" + "\"".repeat(100_000);
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> ShellScript.parse(source));
  }

  private static void collect(Node node, List<Node> out) {
    out.add(node);
    switch (node) {
      case Sequence s -> s.items().forEach(i -> collect(i, out));
      case AndOrList a -> a.pipelines().forEach(p -> collect(p, out));
      case Pipeline p -> p.commands().forEach(c -> collect(c, out));
      case SimpleCommand c -> {
        c.assignments().forEach(a -> collect(a, out));
        c.words().forEach(w -> collect(w, out));
        c.redirections().forEach(r -> collect(r, out));
      }
      case CommandNode.Subshell s -> collect(s.body(), out);
      case CommandNode.BraceGroup b -> collect(b.body(), out);
      case CommandNode.If i -> {
        i.branches().forEach(b -> collect(b, out));
        i.elseBody().ifPresent(e -> collect(e, out));
      }
      case CommandNode.IfBranch b -> {
        collect(b.condition(), out);
        collect(b.body(), out);
      }
      case CommandNode.For f -> {
        f.items().ifPresent(items -> items.forEach(w -> collect(w, out)));
        collect(f.body(), out);
      }
      case CommandNode.Loop l -> {
        collect(l.condition(), out);
        collect(l.body(), out);
      }
      case CommandNode.Case c -> {
        collect(c.subject(), out);
        c.items().forEach(i -> collect(i, out));
      }
      case CommandNode.CaseItem i -> {
        i.patterns().forEach(w -> collect(w, out));
        collect(i.body(), out);
      }
      case CommandNode.FunctionDefinition f -> collect(f.body(), out);
      case Word w -> w.parts().forEach(p -> collect(p, out));
      case WordPart.DoubleQuoted d -> d.parts().forEach(p -> collect(p, out));
      case WordPart.Parameter p -> p.argument().ifPresent(a -> collect(a, out));
      case WordPart.CommandSubstitution c -> collect(c.body(), out);
      case WordPart w -> {}
      case Assignment a -> collect(a.value(), out);
      case Redirection r -> collect(r.target(), out);
    }
  }
}
