package dev.stowage.lint.rules.security;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class RemoteAddWithoutChecksumTest {
  private final RuleTester tester = RuleTester.of(RemoteAddWithoutChecksum.class);

  @Test
  void catchesHttpDownloadWithoutChecksum() {
    tester.catches("FROM alpine:3.20\nADD https://example.com/tool.tar.gz /tmp/\n");
  }

  @Test
  void catchesUrlFromArg() {
    tester.catches("FROM alpine:3.20\nARG URL=https://example.com/x\nADD $URL /x\n");
  }

  @Test
  void catchesGitRefThatCanMove() {
    tester.catches("FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#v0.14.0 /src\n");
    tester.catches("FROM alpine:3.20\nADD git@github.com:moby/buildkit.git /src\n");
  }

  @Test
  void acceptsChecksumPinnedCommitAndLocalFiles() {
    tester.accepts(
        "FROM alpine:3.20\nADD --checksum=sha256:"
            + "a".repeat(64)
            + " https://example.com/tool.tar.gz /tmp/\n");
    tester.accepts(
        "FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#"
            + "0123456789abcdef0123456789abcdef01234567 /src\n");
    tester.accepts("FROM alpine:3.20\nADD rootfs.tar.gz /\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM alpine:3.20
        ADD app.tar.gz /app/
        # expect: ST3004
        ADD https://example.com/a.tar.gz https://example.com/b.tar.gz /tmp/
        """);
  }
}
