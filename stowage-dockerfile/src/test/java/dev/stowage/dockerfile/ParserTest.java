package dev.stowage.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParserTest {

  private static Instruction only(String src, int index) {
    Dockerfile df = Dockerfile.parse(src);
    assertThat(df.errors()).isEmpty();
    assertThat(df.print()).isEqualTo(src);
    return df.instructions().get(index);
  }

  @Test
  void keywordsInAnyCaseBecomeTypedInstructions() {
    Dockerfile df = Dockerfile.parse("from alpine AS base\nRuN echo hi\nworkdir /app\n");
    assertThat(df.instructions())
        .extracting(Instruction::name)
        .containsExactly("FROM", "RUN", "WORKDIR");
    assertThat(df.instructions().get(0)).isInstanceOfSatisfying(
        Instruction.From.class,
        f -> {
          assertThat(f.image().map(Word::value)).contains("alpine");
          assertThat(f.stageName().map(Word::value)).contains("base");
        });
    assertThat(df.instructions().get(1).syntax().keyword()).isEqualTo("RuN");
  }

  @Test
  void unknownInstructionIsReportedNotFatal() {
    Dockerfile df = Dockerfile.parse("FROM alpine\nFOO bar\nRUN true\n");
    assertThat(df.instructions()).hasSize(3);
    assertThat(df.instructions().get(1)).isInstanceOf(Instruction.Unknown.class);
    assertThat(df.errors()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("unknown-instruction");
      assertThat(d.line()).isEqualTo(2);
      assertThat(d.column()).isEqualTo(1);
      assertThat(d.format()).isEqualTo("Dockerfile:2:1: unknown instruction: FOO");
    });
  }

  @Test
  void flagsHaveNamesValuesAndPositions() {
    String src = "FROM a\nRUN --mount=type=cache,target=/root/.cache,sharing=locked \\\n    --network=none pip install x\n";
    Instruction.Run run = (Instruction.Run) only(src, 1);
    assertThat(run.flags()).extracting(Flag::name).containsExactly("mount", "network");
    assertThat(run.network()).contains("none");
    Mount m = run.mounts().get(0);
    assertThat(m.type()).isEqualTo("cache");
    assertThat(m.target()).contains("/root/.cache");
    assertThat(m.sharing()).isEqualTo("locked");
    assertThat(m.problems()).isEmpty();
    Flag network = run.flags().get(1);
    Dockerfile df = Dockerfile.parse(src);
    assertThat(df.position(network.span().start())).isEqualTo(new Position(3, 5));
    assertThat(df.text(network.span())).isEqualTo("--network=none");
    assertThat(run.shellCommand()).contains("pip install x");
    assertThat(df.position(run.args().get(0).span().start())).isEqualTo(new Position(3, 20));
  }

  @Test
  void mountFieldsWithCsvQuotingAndProblems() {
    Mount m = Mount.parse("type=secret,id=npmrc,\"target=/root/.npmrc\",required");
    assertThat(m.isSecret()).isTrue();
    assertThat(m.id()).contains("npmrc");
    assertThat(m.target()).contains("/root/.npmrc");
    assertThat(m.field("required")).contains("");
    assertThat(Mount.parse("type=cache,bogus=1").problems()).singleElement().asString().contains("bogus");
    assertThat(Mount.parse("type=nope").problems()).isNotEmpty();
    assertThat(Mount.parse("target=/x").type()).isEqualTo("bind");
  }

  @Test
  void copyFlagsAndSources() {
    Instruction.Copy c =
        (Instruction.Copy)
            only("FROM a\nCOPY --from=build --chown=1000:1000 --chmod=755 --link a b /dst/\n", 1);
    assertThat(c.from()).contains("build");
    assertThat(c.chown()).contains("1000:1000");
    assertThat(c.chmod()).contains("755");
    assertThat(c.link()).isTrue();
    assertThat(c.sources()).extracting(Word::value).containsExactly("a", "b");
    assertThat(c.destination().map(Word::value)).contains("/dst/");
  }

  @Test
  void execFormAndFallbackToShellForm() {
    Instruction.Cmd exec = (Instruction.Cmd) only("FROM a\nCMD [\"node\", \"server.js\"]\n", 1);
    assertThat(exec.isExecForm()).isTrue();
    assertThat(exec.execArgs()).containsExactly("node", "server.js");
    Instruction.Cmd broken = (Instruction.Cmd) only("FROM a\nCMD [\"node\", 'server.js']\n", 1);
    assertThat(broken.isExecForm()).isFalse();
    assertThat(broken.shellCommand()).contains("[\"node\", 'server.js']");
    Dockerfile nested = Dockerfile.parse("FROM a\nCMD [\"a\", 1]\n");
    assertThat(nested.errors()).singleElement().asString().contains("strings only");
  }

  @Test
  void heredocsOnRunAndCopy() {
    String src =
        """
        FROM alpine
        RUN <<EOF bash -e
        apk add curl
        echo $HOME
        EOF
        COPY <<-"A" /a.txt <<B /b.txt
        \tindented $X
        \tA
        plain
        B
        RUN echo done
        """;
    Dockerfile df = Dockerfile.parse(src);
    assertThat(df.errors()).isEmpty();
    assertThat(df.print()).isEqualTo(src);
    List<Instruction> ins = df.instructions();
    assertThat(ins).hasSize(4);
    Instruction.Run run = (Instruction.Run) ins.get(1);
    Heredoc h = run.heredocs().get(0);
    assertThat(h.name()).isEqualTo("EOF");
    assertThat(h.content()).isEqualTo("apk add curl\necho $HOME\n");
    assertThat(h.quoted()).isFalse();
    assertThat(run.line()).isEqualTo(2);
    assertThat(run.endLine()).isEqualTo(5);
    assertThat(df.position(h.contentSpan().start())).isEqualTo(new Position(3, 1));
    Instruction.Copy copy = (Instruction.Copy) ins.get(2);
    assertThat(copy.heredocs()).hasSize(2);
    assertThat(copy.heredocs().get(0).quoted()).isTrue();
    assertThat(copy.heredocs().get(0).stripTabs()).isTrue();
    assertThat(copy.heredocs().get(0).effectiveContent()).isEqualTo("indented $X\n");
    assertThat(copy.heredocs().get(1).content()).isEqualTo("plain\n");
    assertThat(ins.get(3).line()).isEqualTo(11);
    assertThat(df.tokens()).extracting(Token::kind).contains(Token.Kind.HEREDOC_BODY, Token.Kind.HEREDOC_END);
  }

  @Test
  void heredocNotInExecFormOrOtherInstructions() {
    Dockerfile df = Dockerfile.parse("FROM a\nRUN [\"cat\", \"<<EOF\"]\nENV A=<<EOF\nEOF\n");
    assertThat(df.instructions()).hasSize(4);
    assertThat(df.errors()).isNotEmpty(); // EOF is an unknown instruction
  }

  @Test
  void unterminatedHeredocIsAnErrorWithItsLine() {
    Dockerfile df = Dockerfile.parse("FROM a\nRUN <<EOF\necho\n");
    assertThat(df.errors()).singleElement().satisfies(d -> {
      assertThat(d.message()).isEqualTo("unterminated heredoc");
      assertThat(d.line()).isEqualTo(2);
    });
    assertThat(df.print()).isEqualTo("FROM a\nRUN <<EOF\necho\n");
  }

  @Test
  void directivesOnlyCountAtTheTop() {
    Dockerfile df = Dockerfile.parse("# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended;error=true\n# escape=`\nFROM a\nRUN echo `\n  hi\n");
    assertThat(df.directives().syntax()).contains("docker/dockerfile:1");
    assertThat(df.directives().check()).contains("skip=JSONArgsRecommended;error=true");
    assertThat(df.directives().escape()).isEqualTo('`');
    assertThat(((Instruction.Run) df.instructions().get(1)).shellCommand()).contains("echo   hi");
    Dockerfile late = Dockerfile.parse("FROM a\n# escape=`\nRUN echo \\\n hi\n");
    assertThat(late.directives().escape()).isEqualTo('\\');
    assertThat(late.directives().all()).isEmpty();
    Dockerfile afterComment = Dockerfile.parse("# hello\n# syntax=x\nFROM a\n");
    assertThat(afterComment.directives().syntax()).isEmpty();
  }

  @Test
  void badAndRepeatedDirectivesAreErrors() {
    assertThat(Dockerfile.parse("# escape=x\nFROM a\n").errors())
        .singleElement().asString().contains("invalid escape token");
    assertThat(Dockerfile.parse("# escape=`\n# escape=`\nFROM a\n").errors())
        .singleElement().asString().contains("only one escape parser directive");
  }

  @Test
  void continuationsWithCommentsAndBlankLinesKeepPositions() {
    String src = "FROM a\nRUN apt-get update \\\n# a comment\n\n    && apt-get install -y curl \\\n    && echo done\n";
    Dockerfile df = Dockerfile.parse(src);
    Instruction.Run run = (Instruction.Run) df.instructions().get(1);
    assertThat(run.shellCommand()).contains("apt-get update     && apt-get install -y curl     && echo done");
    String cmd = run.shellCommand().orElseThrow();
    int idx = cmd.indexOf("curl");
    int offset = run.syntax().sourceOffset(run.syntax().original().indexOf("curl"));
    assertThat(df.position(offset)).isEqualTo(new Position(5, 27));
    assertThat(idx).isPositive();
    assertThat(run.line()).isEqualTo(2);
    assertThat(run.endLine()).isEqualTo(6);
    assertThat(df.diagnostics())
        .anySatisfy(d -> assertThat(d.code()).isEqualTo("empty-continuation"));
    assertThat(df.tokens()).extracting(Token::kind).contains(Token.Kind.CONTINUATION, Token.Kind.COMMENT);
  }

  @Test
  void onbuildHoldsItsTrigger() {
    Instruction.Onbuild ob = (Instruction.Onbuild) only("FROM a\nONBUILD COPY --chown=1 . /app\n", 1);
    Instruction trigger = ob.trigger().orElseThrow();
    assertThat(trigger).isInstanceOf(Instruction.Copy.class);
    assertThat(trigger.flags()).extracting(Flag::text).containsExactly("--chown=1");
    assertThat(trigger.args()).extracting(Word::value).containsExactly(".", "/app");
    assertThat(Dockerfile.parse("FROM a\nONBUILD ONBUILD RUN x\n").errors()).isNotEmpty();
    assertThat(Dockerfile.parse("FROM a\nONBUILD FROM b\n").errors()).isNotEmpty();
  }

  @Test
  void healthcheckNoneAndCmd() {
    Dockerfile df = Dockerfile.parse("FROM a\nHEALTHCHECK NONE\nHEALTHCHECK --interval=30s --retries=3 CMD curl -f http://localhost/ || exit 1\n");
    Instruction.Healthcheck none = (Instruction.Healthcheck) df.instructions().get(1);
    assertThat(none.isNone()).isTrue();
    Instruction.Healthcheck cmd = (Instruction.Healthcheck) df.instructions().get(2);
    assertThat(cmd.type()).contains("CMD");
    assertThat(cmd.flag("interval").flatMap(Flag::value)).contains("30s");
    assertThat(cmd.command()).extracting(Word::value).containsExactly("curl -f http://localhost/ || exit 1");
  }

  @Test
  void envLabelAndArgPairs() {
    Dockerfile df = Dockerfile.parse("FROM a\nENV A=1 B=\"two words\"\nENV LEGACY some value\nLABEL org.opencontainers.image.source=https://x\nARG X Y=2\n");
    Instruction.Env env = (Instruction.Env) df.instructions().get(1);
    assertThat(env.pairs()).extracting(Instruction.KeyValue::key).containsExactly("A", "B");
    assertThat(env.pairs().get(1).value()).contains("\"two words\"");
    Instruction.Env legacy = (Instruction.Env) df.instructions().get(2);
    assertThat(legacy.syntax().legacyKeyValue()).isTrue();
    assertThat(legacy.pairs().get(0).value()).contains("some value");
    Instruction.Arg arg = (Instruction.Arg) df.instructions().get(4);
    assertThat(arg.declarations()).extracting(Instruction.KeyValue::key).containsExactly("X", "Y");
    assertThat(arg.declarations().get(0).value()).isEmpty();
    assertThat(arg.declarations().get(1).value()).contains("2");
  }

  @Test
  void byteOrderMarkIsKeptAndSkipped() {
    String src = "\uFEFFFROM a\n";
    Dockerfile df = Dockerfile.parse(src);
    assertThat(df.errors()).isEmpty();
    assertThat(df.instructions().get(0).name()).isEqualTo("FROM");
    assertThat(df.print()).isEqualTo(src);
  }

  @Test
  void hugeInputsParse() {
    // Linear time is measured by the JMH benchmark; here: no stack overflow or blow-up on size.
    String longLine = "RUN " + "x \\\n".repeat(200_000) + "y\n";
    Dockerfile df = Dockerfile.parse("FROM a\n" + longLine);
    assertThat(df.instructions()).hasSize(2);
    assertThat(df.instructions().get(1).endLine()).isEqualTo(200_002);
    String many = "FROM a\n" + "RUN echo hi\n".repeat(100_000);
    assertThat(Dockerfile.parse(many).instructions()).hasSize(100_001);
    String brackets = "CMD " + "[".repeat(100_000);
    assertThat(Dockerfile.parse(brackets).print()).isEqualTo(brackets);
    String heredocs = "FROM a\nRUN " + "<<E ".repeat(5_000) + "\n" + "E\n".repeat(5_000);
    assertThat(((Instruction.Run) Dockerfile.parse(heredocs).instructions().get(1)).heredocs()).hasSize(5_000);
  }
}
