package dev.stowage.lint.rules.correctness;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class MultipleHealthchecksTest {
  private final RuleTester tester = RuleTester.of(MultipleHealthchecks.class);

  @Test
  void catchesTwoHealthchecksInAStage() {
    tester.catchesAt("FROM debian:12\nHEALTHCHECK CMD /bin/true\nHEALTHCHECK CMD /bin/false\n", 3);
  }

  @Test
  void catchesNoneAfterCmd() {
    tester.catchesAt("FROM debian:12\nHEALTHCHECK CMD true\nHEALTHCHECK NONE\n", 3);
  }

  @Test
  void acceptsOnePerStage() {
    tester.accepts("FROM debian:12\nHEALTHCHECK CMD /bin/true\n");
    tester.accepts(
        "FROM debian:12 AS a\n"
            + "HEALTHCHECK CMD /bin/true\n"
            + "FROM debian:12\n"
            + "HEALTHCHECK CMD /bin/true\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM scratch
        HEALTHCHECK CMD /bin/bla
        # expect: DL3012
        HEALTHCHECK CMD /bin/bla2
        FROM scratch
        HEALTHCHECK CMD /bin/bla3
        """);
  }
}
