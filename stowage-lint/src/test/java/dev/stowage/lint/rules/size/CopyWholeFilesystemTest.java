package dev.stowage.lint.rules.size;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class CopyWholeFilesystemTest {
  private final RuleTester tester = RuleTester.of(CopyWholeFilesystem.class);

  @Test
  void catchesRootToRoot() {
    tester.catches("FROM alpine:3.20 AS a\nFROM scratch\nCOPY --from=a / /\n");
  }

  @Test
  void acceptsPartialCopies() {
    tester.accepts("FROM alpine:3.20 AS a\nFROM scratch\nCOPY --from=a /app /app\nCOPY --from=a / /rootfs/\nCOPY . /\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM alpine:3.20 AS build
        FROM scratch
        # expect: DL3067
        COPY --from=build / /
        """);
  }
}
