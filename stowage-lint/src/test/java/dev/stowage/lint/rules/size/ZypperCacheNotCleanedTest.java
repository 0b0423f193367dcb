package dev.stowage.lint.rules.size;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class ZypperCacheNotCleanedTest {
  private final RuleTester tester = RuleTester.of(ZypperCacheNotCleaned.class);

  @Test
  void catchesMissingClean() {
    tester.catches(
        """
        FROM opensuse/leap:15.6
        RUN zypper -n install httpd=2.4
        """);
  }

  @Test
  void acceptsCleanAndMounts() {
    tester.accepts(
        """
        FROM opensuse/leap:15.6
        RUN zypper -n install httpd=2.4 && zypper clean --all
        """);
    tester.accepts(
        """
        FROM opensuse/leap:15.6
        RUN zypper -n in httpd=2.4 && zypper cc -a
        """);
    tester.accepts(
        """
        FROM opensuse/leap:15.6
        RUN --mount=type=cache,target=/var/cache/zypp zypper -n in httpd=2.4
        """);
    tester.accepts(
        """
        FROM opensuse/leap:15.6
        RUN zypper -n in httpd=2.4 && rm -rf /var/cache/zypp/*
        """);
  }

  @Test
  void marksHadolintExamples() {
    tester.check(
        """
        FROM opensuse/leap:15.6
        # expect: DL3036
        RUN zypper install -y httpd=2.4.46
        RUN zypper install -y httpd=2.4.46 && zypper clean
        """);
  }
}
