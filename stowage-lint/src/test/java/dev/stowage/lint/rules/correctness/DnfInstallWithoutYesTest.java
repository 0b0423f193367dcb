package dev.stowage.lint.rules.correctness;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class DnfInstallWithoutYesTest {
  private final RuleTester tester = RuleTester.of(DnfInstallWithoutYes.class);

  @Test
  void catchesMissingYes() {
    tester.catches(
        """
        FROM fedora:40
        RUN dnf install httpd-2.4.46
        """);
    tester.catches(
        """
        FROM fedora:40
        RUN dnf in httpd-2.4.46
        """);
  }

  @Test
  void acceptsYesAndMicrodnf() {
    tester.accepts(
        """
        FROM fedora:40
        RUN dnf install -y httpd-2.4.46
        """);
    tester.accepts(
        """
        FROM fedora:40
        RUN dnf -y install httpd-2.4.46
        """);
    tester.accepts(
        """
        FROM fedora:40
        RUN dnf install --assumeyes httpd
        """);
    tester.accepts(
        """
        FROM ubi9/ubi-minimal
        RUN microdnf install httpd
        """);
  }

  @Test
  void marksHadolintExamples() {
    tester.check(
        """
        FROM fedora:40
        # expect: DL3038
        RUN dnf install httpd-2.4.42 && dnf clean all
        RUN dnf install -y httpd-2.4.42 && dnf clean all
        """);
  }

  @Test
  void insertsYes() {
    tester.fixes(
        """
        FROM fedora:40
        RUN dnf install httpd && dnf clean all
        """,
        """
        FROM fedora:40
        RUN dnf install -y httpd && dnf clean all
        """);
  }
}
