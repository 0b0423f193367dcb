package dev.stowage.dockerfile.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellParserTest {

  private static List<String> names(ShellScript script) {
    return script.commands().stream().map(Command::name).toList();
  }

  private static CommandNode first(ShellScript script) {
    return script.body().items().get(0).pipelines().get(0).commands().get(0);
  }

  @Test
  void splitsListsAndOrListsAndPipelines() {
    ShellScript script = ShellScript.parse("a && b || c; d | e |& f & g\nh");
    assertThat(script.errors()).isEmpty();
    Sequence body = script.body();
    assertThat(body.items()).hasSize(4);
    AndOrList first = body.items().get(0);
    assertThat(first.connectors()).containsExactly(AndOrList.Connector.AND, AndOrList.Connector.OR);
    AndOrList second = body.items().get(1);
    assertThat(second.background()).isTrue();
    assertThat(second.pipelines().get(0).pipes())
        .containsExactly(Pipeline.Pipe.STDOUT, Pipeline.Pipe.STDOUT_AND_STDERR);
    assertThat(names(script)).containsExactly("a", "b", "c", "d", "e", "f", "g", "h");
  }

  @Test
  void readsNegatedPipelines() {
    ShellScript script = ShellScript.parse("! grep -q x file");
    Pipeline p = script.body().items().get(0).pipelines().get(0);
    assertThat(p.negated()).isTrue();
    assertThat(names(script)).containsExactly("grep");
  }

  @Test
  void separatesAssignmentsWordsAndRedirections() {
    ShellScript script =
        ShellScript.parse(
            "DEBIAN_FRONTEND=noninteractive A+=x apt-get install -y x >/dev/null 2>&1");
    SimpleCommand c = (SimpleCommand) first(script);
    assertThat(c.assignments())
        .extracting(Assignment::name)
        .containsExactly("DEBIAN_FRONTEND", "A");
    assertThat(c.assignments().get(0).value().literal()).contains("noninteractive");
    assertThat(c.words()).extracting(Word::raw).containsExactly("apt-get", "install", "-y", "x");
    assertThat(c.redirections()).hasSize(2);
    Redirection dup = c.redirections().get(1);
    assertThat(dup.fd()).hasValue(2);
    assertThat(dup.operator()).isEqualTo(">&");
    assertThat(dup.target().raw()).isEqualTo("1");
  }

  @Test
  void readsAllRedirectionOperators() {
    ShellScript script = ShellScript.parse("cmd >a >>b <c &>d &>>e 3<>f >|g <&0 <<<'here string'");
    SimpleCommand c = (SimpleCommand) first(script);
    assertThat(c.redirections())
        .extracting(Redirection::operator)
        .containsExactly(">", ">>", "<", "&>", "&>>", "<>", ">|", "<&", "<<<");
    assertThat(c.redirections().get(8).target().literal()).contains("here string");
    assertThat(script.errors()).isEmpty();
  }

  @Test
  void assignmentAfterProgramNameIsAnArgument() {
    SimpleCommand c = (SimpleCommand) first(ShellScript.parse("env A=b cmd"));
    assertThat(c.assignments()).isEmpty();
    assertThat(c.words()).hasSize(3);
  }

  @Test
  void parsesIfElifElse() {
    ShellScript script =
        ShellScript.parse(
            "if [ -f /etc/debian_version ]; then apt-get update; elif command -v apk; then apk add"
                + " x; else echo unknown; exit 1; fi > /log");
    assertThat(script.errors()).isEmpty();
    CommandNode.If node = (CommandNode.If) first(script);
    assertThat(node.branches()).hasSize(2);
    assertThat(node.elseBody()).isPresent();
    assertThat(node.redirections()).hasSize(1);
    assertThat(names(script)).containsExactly("[", "apt-get", "command", "apk", "echo", "exit");
  }

  @Test
  void parsesForLoops() {
    ShellScript script =
        ShellScript.parse(
            "for key in A B \"$C\"; do gpg --recv-keys \"$key\"; done; for x\ndo echo $x\ndone");
    assertThat(script.errors()).isEmpty();
    CommandNode.For loop = (CommandNode.For) first(script);
    assertThat(loop.variable()).isEqualTo("key");
    assertThat(loop.items().orElseThrow()).extracting(Word::text).containsExactly("A", "B", "$C");
    assertThat(names(script)).containsExactly("gpg", "echo");
  }

  @Test
  void parsesBashArithmeticForAsText() {
    ShellScript script = ShellScript.parse("for ((i=0; i<3; i++)); do echo $i; done");
    assertThat(script.errors()).isEmpty();
    assertThat(((CommandNode.For) first(script)).variable()).isEqualTo("((i=0; i<3; i++))");
    assertThat(names(script)).containsExactly("echo");
  }

  @Test
  void parsesWhileAndUntil() {
    ShellScript script =
        ShellScript.parse(
            "while read -r line; do echo \"$line\"; done < file; until false; do :; done");
    assertThat(script.errors()).isEmpty();
    CommandNode.Loop loop = (CommandNode.Loop) first(script);
    assertThat(loop.kind()).isEqualTo(CommandNode.LoopKind.WHILE);
    assertThat(loop.redirections()).hasSize(1);
    assertThat(names(script)).containsExactly("read", "echo", "false", ":");
  }

  @Test
  void parsesCase() {
    ShellScript script =
        ShellScript.parse(
            "case \"$(dpkg --print-architecture)\" in amd64) ARCH='x64';; arm64|aarch64)"
                + " ARCH='arm64';; (*) echo >&2 \"unsupported\"; exit 1 ;; esac");
    assertThat(script.errors()).isEmpty();
    CommandNode.Case node = (CommandNode.Case) first(script);
    assertThat(node.items()).hasSize(3);
    assertThat(node.items().get(1).patterns())
        .extracting(Word::raw)
        .containsExactly("arm64", "aarch64");
    assertThat(names(script)).containsExactly("dpkg", "", "", "echo", "exit");
  }

  @Test
  void parsesCaseWithNewlinesAndFallThrough() {
    ShellScript script =
        ShellScript.parse("case $x in\n  a)\n    echo a\n    ;&\n  b) echo b ;;\nesac\necho done");
    assertThat(script.errors()).isEmpty();
    assertThat(names(script)).containsExactly("echo", "echo", "echo");
  }

  @Test
  void parsesSubshellsBraceGroupsAndFunctions() {
    ShellScript script =
        ShellScript.parse(
            "( cd /src && make ); { echo a; echo b; } >log; f() { g; }; function h { i; }");
    assertThat(script.errors()).isEmpty();
    assertThat(script.body().items())
        .extracting(i -> i.pipelines().get(0).commands().get(0).getClass().getSimpleName())
        .containsExactly("Subshell", "BraceGroup", "FunctionDefinition", "FunctionDefinition");
    assertThat(names(script)).containsExactly("cd", "make", "echo", "echo", "g", "i");
  }

  @Test
  void dropsComments() {
    ShellScript script = ShellScript.parse("echo a # comment && rm -rf /\necho b#c");
    assertThat(script.commands()).extracting(Command::raw).containsExactly("echo a", "echo b#c");
  }

  @Test
  void readsHereDocuments() {
    String src =
        "cat <<EOF > /etc/x.conf && cat <<-'END'\n"
            + "line $HOME $(id -u)\n"
            + "EOF\n"
            + "\tliteral $x\n"
            + "\tEND\n"
            + "echo after";
    ShellScript script = ShellScript.parse(src);
    assertThat(script.errors()).isEmpty();
    List<Redirection> redirections = script.commands().get(0).redirections();
    HereDocument doc = redirections.get(0).hereDocument().orElseThrow();
    assertThat(doc.delimiter()).isEqualTo("EOF");
    assertThat(doc.body()).isEqualTo("line $HOME $(id -u)\n");
    assertThat(doc.terminated()).isTrue();
    assertThat(src.substring(doc.bodyOffset(), doc.bodyEndOffset())).isEqualTo(doc.body());
    HereDocument quoted =
        script.invocations("cat").get(1).redirections().get(0).hereDocument().orElseThrow();
    assertThat(quoted.quoted()).isTrue();
    assertThat(quoted.stripTabs()).isTrue();
    assertThat(quoted.parts()).isEmpty();
    assertThat(names(script)).containsExactly("cat", "cat", "id", "echo");
  }

  @Test
  void hereDocumentWithoutBodyIsNotAnError() {
    ShellScript script = ShellScript.parse("cat <<EOF > /file");
    assertThat(script.errors()).isEmpty();
    HereDocument doc = script.commands().get(0).redirections().get(0).hereDocument().orElseThrow();
    assertThat(doc.terminated()).isFalse();
    assertThat(doc.body()).isEmpty();
  }

  @Test
  void readsBashTestExpressions() {
    ShellScript script = ShellScript.parse("[[ -f a && ( $x < 3 || -z $y ) ]] && echo ok");
    assertThat(script.errors()).isEmpty();
    assertThat(names(script)).containsExactly("[[", "echo");
    assertThat(script.commands().get(0).argTexts()).endsWith("]]").contains("&&", "<", "||");
  }

  @Test
  void keepsArrayAssignmentTogether() {
    ShellScript script =
        ShellScript.parse("pkgs=(curl \"git\" $(echo x)) ; apt-get install \"${pkgs[@]}\"");
    assertThat(script.errors()).isEmpty();
    assertThat(script.commands().get(0).assignments())
        .extracting(Assignment::name)
        .containsExactly("pkgs");
    assertThat(script.commands().get(1).name()).isEqualTo("apt-get");
  }

  @Test
  void recoversFromUnterminatedQuote() {
    ShellScript script = ShellScript.parse("apt-get install -y curl && echo \"oops");
    assertThat(script.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("double quote"));
    assertThat(names(script)).containsExactly("apt-get", "echo");
    assertThat(script.commands().get(1).argTexts()).containsExactly("oops");
  }

  @Test
  void recoversFromMissingKeywords() {
    ShellScript script = ShellScript.parse("if true; then echo a; done; echo b )");
    assertThat(script.errors()).isNotEmpty();
    assertThat(names(script)).contains("true", "echo");
  }

  @Test
  void recoversFromStrayOperators() {
    ShellScript script = ShellScript.parse("&& a ;; b | | c >");
    assertThat(script.errors()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(names(script)).containsExactly("a", "b", "c");
  }

  @Test
  void offsetsPointIntoInput() {
    String src = "set -e;  x=\"$(uname -m)\" && echo   done";
    ShellScript script = ShellScript.parse(src);
    Command uname = script.invocations("uname").get(0);
    assertThat(src.substring(uname.offset(), uname.endOffset())).isEqualTo("uname -m");
    Command echo = script.invocations("echo").get(0);
    assertThat(echo.raw()).isEqualTo("echo   done");
    assertThat(echo.args().get(0).offset()).isEqualTo(src.indexOf("done"));
  }
}
