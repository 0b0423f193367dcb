package dev.stowage.lint.rules.size;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class WgetAndCurlTest {
  private final RuleTester tester = RuleTester.of(WgetAndCurl.class);

  @Test
  void catchesBothInOneStage() {
    tester.catchesAt("FROM debian:12\nRUN wget -q https://x/a\nRUN curl -fsSL https://x/b\n", 3);
  }

  @Test
  void catchesBothInOneRun() {
    tester.catches("FROM debian:12\nRUN curl -fsSLO https://x/a && wget https://x/b\n");
  }

  @Test
  void acceptsOneTool() {
    tester.accepts("FROM debian:12\nRUN apt-get install -y wget curl-doc && wget https://x/curl\nRUN wget https://x/b\n");
  }

  @Test
  void acceptsDifferentStages() {
    tester.accepts("FROM debian:12 AS a\nRUN wget https://x/a\nFROM debian:12\nRUN curl -fsSL https://x/b\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM debian:12
        RUN curl -fsSL https://x/a
        # expect: DL4001
        RUN wget https://x/b
        RUN true
        FROM debian:12
        RUN wget https://x/c
        """);
  }
}
