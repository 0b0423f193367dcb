package dev.stowage.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Printing the tree gives back the input byte for byte, on real files and generated ones. */
class RoundTripTest {

  static Stream<Arguments> officialWithEndings() {
    List<Path> files = Fixtures.officialDockerfiles();
    assertThat(files).hasSizeGreaterThan(400);
    return files.stream()
        .flatMap(
            p ->
                Stream.of("LF", "CRLF", "CR")
                    .map(e -> Arguments.of(Fixtures.root().relativize(p).toString(), e, p)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("officialWithEndings")
  void officialDockerfilesRoundTrip(String name, String ending, Path path) {
    String src = Fixtures.read(path);
    String input =
        switch (ending) {
          case "CRLF" -> src.replace("\r\n", "\n").replace("\n", "\r\n");
          case "CR" -> src.replace("\r\n", "\n").replace("\n", "\r");
          default -> src;
        };
    Dockerfile df = Dockerfile.parse(name, input);
    assertWellFormed(df, input);
    if (!ending.equals("CR")) {
      // BuildKit splits lines at \n only, so a CR-only file is one (long) line for it too.
      assertThat(df.errors()).as("official Dockerfiles are valid").isEmpty();
      assertThat(df.instructions()).isNotEmpty();
    }
  }

  static List<Path> templates() {
    List<Path> t = Fixtures.templates();
    assertThat(t).hasSizeGreaterThan(20);
    return t;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void templatesNeverBreakTheParser(Path path) {
    String src = Fixtures.read(path);
    Dockerfile df = Dockerfile.parse(path.toString(), src);
    assertWellFormed(df, src);
  }

  @Test
  void crlfInstructionsMatchLf() {
    String lf = "FROM a\nRUN x \\\n  y\nCOPY <<EOF /f\nhi\nEOF\n";
    Dockerfile a = Dockerfile.parse(lf);
    Dockerfile b = Dockerfile.parse(lf.replace("\n", "\r\n"));
    assertThat(b.instructions()).hasSameSizeAs(a.instructions());
    for (int i = 0; i < a.instructions().size(); i++) {
      assertThat(b.instructions().get(i).args().stream().map(Word::value).toList())
          .isEqualTo(a.instructions().get(i).args().stream().map(Word::value).toList());
    }
    assertThat(b.print()).isEqualTo(lf.replace("\n", "\r\n"));
  }

  @Property(tries = 3000)
  void arbitraryInputRoundTrips(@ForAll("dockerfileLike") String input) {
    Dockerfile df = Dockerfile.parse(input);
    assertWellFormed(df, input);
  }

  @Provide
  Arbitrary<String> dockerfileLike() {
    Arbitrary<String> pieces =
        Arbitraries.of(
            "FROM ", "RUN ", "run ", "COPY ", "ADD ", "ENV ", "LABEL ", "ARG ", "CMD ", "ONBUILD ",
            "HEALTHCHECK ", "SHELL ", "WORKDIR ", "EXPOSE ", "USER ", "VOLUME ", "FOO ", "\n",
            "\r\n", "\r", " ", "\t", "\\", "`", "\\\n", "`\n", "# escape=`\n", "# syntax=x\n",
            "#", "# c\n", "[", "]", "\"", "'", ",", "=", "a", "b=c", "<<EOF", "<<-EOF", "EOF\n",
            "\tEOF\n", "<<'E'", "E\n", "--mount=type=cache,target=/x ", "--from=a ", "--", "-",
            "$", "${x}", "{", "}", "AS ", "\uFEFF", "\u00a0", "♥", "\u0000", "NONE", "[\"a\"]");
    return pieces.list().ofMaxSize(60).map(l -> String.join("", l));
  }

  /** Tokens are contiguous, cover the input, print it back; positions are in range. */
  static void assertWellFormed(Dockerfile df, String input) {
    assertThat(df.print()).isEqualTo(input);
    int at = 0;
    for (Token t : df.tokens()) {
      assertThat(t.start()).as("token %s starts where the previous ended", t).isEqualTo(at);
      assertThat(t.end()).isGreaterThan(t.start());
      at = t.end();
    }
    assertThat(at).isEqualTo(input.length());
    java.util.List<Integer> comments = new java.util.ArrayList<>();
    for (int k = 0; k < df.tokens().size(); k++) {
      if (df.tokens().get(k).kind() == Token.Kind.COMMENT) {
        comments.add(k);
      }
    }
    assertThat(df.commentTokenIndexes()).isEqualTo(comments);
    for (Instruction i : df.instructions()) {
      assertThat(i.line()).isBetween(1, df.lineCount());
      assertThat(i.endLine()).isBetween(i.line(), df.lineCount());
      assertThat(i.span().end()).isLessThanOrEqualTo(input.length());
      for (Word w : i.args()) {
        assertThat(w.span().end()).isLessThanOrEqualTo(input.length());
      }
      for (Flag f : i.flags()) {
        assertThat(f.span().end()).isLessThanOrEqualTo(input.length());
      }
    }
    for (Diagnostic d : df.diagnostics()) {
      assertThat(d.line()).isBetween(1, Math.max(1, df.lineCount()));
      assertThat(d.message()).isNotBlank();
    }
  }
}
