package dev.stowage.lint.rules.correctness;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class ZypperVersionNotPinnedTest {
  private final RuleTester tester = RuleTester.of(ZypperVersionNotPinned.class);

  @Test
  void catchesUnpinned() {
    tester.catches(
        """
        FROM opensuse/leap:15.6
        RUN zypper -n install httpd
        """);
  }

  @Test
  void acceptsVersionsFilesAndPatterns() {
    tester.accepts(
        """
        FROM opensuse/leap:15.6
        RUN zypper -n install httpd=2.4.46
        """);
    tester.accepts(
        """
        FROM opensuse/leap:15.6
        RUN zypper -n install "httpd>=2.4"
        """);
    tester.accepts(
        """
        FROM opensuse/leap:15.6
        RUN zypper -n install /tmp/x.rpm
        """);
    tester.accepts(
        """
        FROM opensuse/leap:15.6
        RUN zypper -n install -t pattern devel_basis
        """);
  }

  @Test
  void marksHadolintExamples() {
    tester.check(
        """
        FROM opensuse/leap:15.6
        # expect: DL3037
        RUN zypper install -y httpd && zypper clean
        RUN zypper install -y httpd=2.4.46 && zypper clean
        """);
  }
}
