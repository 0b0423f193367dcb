package dev.stowage.lint.rules.correctness;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class DnfVersionNotPinnedTest {
  private final RuleTester tester = RuleTester.of(DnfVersionNotPinned.class);

  @Test
  void catchesUnpinned() {
    tester.catches(
        """
        FROM fedora:40
        RUN dnf install -y tomcat && dnf clean all
        """);
    tester.catches(
        """
        FROM fedora:40
        RUN dnf module install -y nodejs
        """);
  }

  @Test
  void acceptsVersionsModulesAndFiles() {
    tester.accepts(
        """
        FROM fedora:40
        RUN dnf install -y php-7.2 && dnf clean all
        """);
    tester.accepts(
        """
        FROM fedora:40
        RUN dnf module install -y nodejs:20
        """);
    tester.accepts(
        """
        FROM fedora:40
        RUN dnf install -y /tmp/x.rpm
        """);
    tester.accepts(
        """
        FROM fedora:40
        RUN dnf install -y @development-tools
        """);
  }

  @Test
  void marksHadolintExamples() {
    tester.check(
        """
        FROM fedora:40
        # expect: DL3041
        RUN dnf install -y tomcat && dnf clean all
        RUN dnf install -y php-7.2 && dnf clean all
        """);
  }
}
