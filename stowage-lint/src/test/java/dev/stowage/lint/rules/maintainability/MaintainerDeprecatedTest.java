package dev.stowage.lint.rules.maintainability;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class MaintainerDeprecatedTest {
  private final RuleTester tester = RuleTester.of(MaintainerDeprecated.class);

  @Test
  void catchesMaintainer() {
    tester.catches("FROM alpine:3.20\nMAINTAINER Jane <jane@example.com>\n");
  }

  @Test
  void acceptsLabel() {
    tester.accepts("FROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"Jane <jane@example.com>\"\n");
  }

  @Test
  void fixesIntoOciLabel() {
    tester.fixes("FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\nRUN true\n", "FROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"Jane Doe <jane@example.com>\"\nRUN true\n");
  }

  @Test
  void fixQuotesSpecialCharacters() {
    tester.fixes("FROM alpine:3.20\nmaintainer \"Jo\" $HOME\n", "FROM alpine:3.20\nlabel org.opencontainers.image.authors=\"\\\"Jo\\\" \\$HOME\"\n");
  }

  @Test
  void fixUsesTheEscapeDirective() {
    tester.fixes("# escape=`\nFROM alpine:3.20\nMAINTAINER a\\b \"c\"\n", "# escape=`\nFROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"a\\b `\"c`\"\"\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM alpine:3.20
        # expect: DL4000
        MAINTAINER me@example.com
        """);
  }
}
