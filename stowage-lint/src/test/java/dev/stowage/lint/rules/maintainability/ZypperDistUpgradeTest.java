package dev.stowage.lint.rules.maintainability;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class ZypperDistUpgradeTest {
  private final RuleTester tester = RuleTester.of(ZypperDistUpgrade.class);

  @Test
  void catchesDistUpgrade() {
    tester.catches(
        """
        FROM opensuse/leap:15.6
        RUN zypper dist-upgrade
        """);
    tester.catches(
        """
        FROM opensuse/leap:15.6
        RUN zypper -n dup
        """);
  }

  @Test
  void acceptsUpdate() {
    tester.accepts(
        """
        FROM opensuse/leap:15.6
        RUN zypper -n update
        """);
    tester.accepts(
        """
        FROM opensuse/leap:15.6
        RUN zypper -n patch
        """);
  }

  @Test
  void marksHadolintExamples() {
    tester.check(
        """
        FROM opensuse/leap:15.6
        # expect: DL3035
        RUN zypper dist-upgrade
        RUN zypper -n update && zypper clean
        """);
  }
}
