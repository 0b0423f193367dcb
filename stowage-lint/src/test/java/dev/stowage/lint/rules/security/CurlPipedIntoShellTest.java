package dev.stowage.lint.rules.security;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class CurlPipedIntoShellTest {
  private final RuleTester tester = RuleTester.of(CurlPipedIntoShell.class);

  @Test
  void catchesCurlIntoShell() {
    tester.catches("FROM debian:12\nRUN curl -fsSL https://get.example.com | sh\n");
    tester.catches(
        "FROM debian:12\nRUN curl -sL https://deb.nodesource.com/setup_20.x | sudo -E bash -\n");
  }

  @Test
  void catchesWgetIntoBash() {
    tester.catches("FROM debian:12\nRUN wget -qO- https://example.com/install.sh | bash\n");
  }

  @Test
  void catchesCommandSubstitution() {
    tester.catches("FROM debian:12\nRUN sh -c \"$(curl -fsSL https://example.com/install.sh)\"\n");
  }

  @Test
  void acceptsDownloadThenVerify() {
    tester.accepts(
        "FROM debian:12\nRUN curl -fsSLo install.sh https://example.com/install.sh"
            + " && echo \"abc  install.sh\" | sha256sum -c - && sh install.sh\n");
  }

  @Test
  void acceptsPipesIntoOtherPrograms() {
    tester.accepts(
        "FROM debian:12\nRUN curl -fsSL https://example.com/key.asc | gpg --dearmor -o /k.gpg\n");
    tester.accepts("FROM debian:12\nRUN echo 'echo hi' | sh\n");
    tester.accepts("FROM debian:12\nRUN [\"sh\", \"-c\", \"curl x | sh\"]\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM debian:12
        RUN apt-get update && apt-get install -y curl
        # expect: ST3003
        RUN curl -fsSL https://sh.rustup.rs | sh -s -- -y
        """);
  }
}
