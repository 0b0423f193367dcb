package dev.stowage.lint.rules.correctness;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class AddInsteadOfCopyTest {
  private final RuleTester tester = RuleTester.of(AddInsteadOfCopy.class);

  @Test
  void catchesLocalFiles() {
    tester.catches(
        """
        FROM alpine:3.20
        ADD app.py /app/
        """);
    tester.catches(
        """
        FROM alpine:3.20
        ADD --chown=1000 . /app
        """);
    tester.catches(
        """
        FROM alpine:3.20
        ADD bundle.zip /opt/
        """);
  }

  @Test
  void acceptsUrlsArchivesGitAndAddOnlyFlags() {
    tester.accepts(
        """
        FROM alpine:3.20
        ADD https://example.com/tool.bin /usr/local/bin/tool
        """);
    tester.accepts(
        """
        FROM alpine:3.20
        ADD rootfs.tar.xz /
        """);
    tester.accepts(
        """
        FROM alpine:3.20
        ADD git@github.com:moby/buildkit.git /src
        """);
    tester.accepts(
        """
        FROM alpine:3.20
        ADD --checksum=sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa https://example.com/x /x
        """);
    tester.accepts(
        """
        FROM alpine:3.20
        ARG URL=https://example.com/a.bin
        ADD $URL /a.bin
        """);
    tester.accepts(
        """
        FROM alpine:3.20
        ARG SRC
        ADD $SRC /a
        """);
    tester.accepts(
        """
        FROM alpine:3.20
        COPY app.py /app/
        """);
  }

  @Test
  void marksHadolintExamples() {
    tester.check(
        """
        FROM python:3.12
        # expect: DL3020
        ADD requirements.txt /usr/src/app/
        ADD http://example.com/big.tar.xz /usr/src/things/
        ADD rootfs.tar.gz /
        """);
  }

  @Test
  void replacesTheKeyword() {
    tester.fixes(
        """
        FROM alpine:3.20
        ADD app.py /app/
        """,
        """
        FROM alpine:3.20
        COPY app.py /app/
        """);
    tester.fixes(
        """
        FROM alpine:3.20
        add --chown=app:app src /src
        """,
        """
        FROM alpine:3.20
        copy --chown=app:app src /src
        """);
    tester.fixes(
        """
        FROM alpine:3.20
        ONBUILD ADD . /src
        """,
        """
        FROM alpine:3.20
        ONBUILD COPY . /src
        """);
  }

  @Test
  void leavesGlobsToTheAuthor() {
    tester.fixUnchanged(
        """
        FROM alpine:3.20
        ADD dist/* /srv/
        """);
  }
}
