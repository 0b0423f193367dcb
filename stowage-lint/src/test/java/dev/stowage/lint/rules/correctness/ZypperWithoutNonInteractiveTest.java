package dev.stowage.lint.rules.correctness;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class ZypperWithoutNonInteractiveTest {
  private final RuleTester tester = RuleTester.of(ZypperWithoutNonInteractive.class);

  @Test
  void catchesMissingSwitch() {
    tester.catches(
        """
        FROM opensuse/leap:15.6
        RUN zypper install httpd=2.4
        """);
    tester.catches(
        """
        FROM opensuse/leap:15.6
        RUN zypper rm vim
        """);
  }

  @Test
  void acceptsSwitches() {
    tester.accepts(
        """
        FROM opensuse/leap:15.6
        RUN zypper -n install httpd=2.4
        """);
    tester.accepts(
        """
        FROM opensuse/leap:15.6
        RUN zypper --non-interactive in httpd=2.4
        """);
    tester.accepts(
        """
        FROM opensuse/leap:15.6
        RUN zypper install -y httpd=2.4
        """);
    tester.accepts(
        """
        FROM opensuse/leap:15.6
        RUN zypper refresh
        """);
  }

  @Test
  void marksHadolintExamples() {
    tester.check(
        """
        FROM opensuse/leap:15.6
        # expect: DL3034
        RUN zypper install httpd=2.4.46 && zypper clean
        RUN zypper install -y httpd=2.4.46 && zypper clean
        """);
  }

  @Test
  void insertsNonInteractive() {
    tester.fixes(
        """
        FROM opensuse/leap:15.6
        RUN zypper install httpd=2.4
        """,
        """
        FROM opensuse/leap:15.6
        RUN zypper --non-interactive install httpd=2.4
        """);
  }
}
