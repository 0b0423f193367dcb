package dev.stowage.lint.rules.size;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class DnfCacheNotCleanedTest {
  private final RuleTester tester = RuleTester.of(DnfCacheNotCleaned.class);

  @Test
  void catchesMissingClean() {
    tester.catches(
        """
        FROM fedora:40
        RUN dnf install -y mariadb-10.4
        """);
    tester.catches(
        """
        FROM ubi9/ubi-minimal
        RUN microdnf install -y tar
        """);
    tester.catches(
        """
        FROM fedora:40
        RUN dnf -y upgrade
        """);
  }

  @Test
  void acceptsCleanAndMounts() {
    tester.accepts(
        """
        FROM fedora:40
        RUN dnf install -y php-7.2 && dnf clean all
        """);
    tester.accepts(
        """
        FROM ubi9/ubi-minimal
        RUN microdnf install -y tar && microdnf clean all
        """);
    tester.accepts(
        """
        FROM fedora:40
        RUN dnf install -y php-7.2 && rm -rf /var/cache/dnf
        """);
    tester.accepts(
        """
        FROM fedora:40
        RUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y php-7.2
        """);
  }

  @Test
  void marksHadolintExamples() {
    tester.check(
        """
        FROM fedora:40
        # expect: DL3040
        RUN dnf install -y mariadb-10.4
        RUN dnf install -y php-7.2 && dnf clean all
        """);
  }
}
