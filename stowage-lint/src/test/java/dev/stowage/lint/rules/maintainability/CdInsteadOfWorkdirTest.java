package dev.stowage.lint.rules.maintainability;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class CdInsteadOfWorkdirTest {
  private final RuleTester tester = RuleTester.of(CdInsteadOfWorkdir.class);

  @Test
  void catchesCd() {
    tester.catches("FROM debian:12\nRUN cd /usr/src/app && git pull\n");
  }

  @Test
  void catchesCdOncePerRun() {
    tester.catchesAt(
        "FROM debian:12\nRUN cd /a && make\nRUN cd /b && make && cd /c && make\n", 2, 3);
  }

  @Test
  void catchesCdIntoAResolvedVariable() {
    tester.catches("FROM debian:12\nENV SRC=/usr/src\nRUN cd $SRC && make\n");
  }

  @Test
  void acceptsTemporaryAndComputedDirectories() {
    tester.accepts("FROM debian:12\nRUN mkdir /tmp/b && cd /tmp/b && make && rm -rf /tmp/b\n");
    tester.accepts("FROM debian:12\nRUN cd \"$(mktemp -d)\" && make\n");
    tester.accepts("FROM debian:12\nRUN d=$(mktemp -d); cd \"$d\" && make\n");
  }

  @Test
  void acceptsWorkdirAndExecForm() {
    tester.accepts("FROM debian:12\nWORKDIR /usr/src/app\nRUN git pull\n");
    tester.accepts("FROM debian:12\nRUN [\"cd\", \"/x\"]\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM debian:12
        # expect: DL3003
        RUN cd /usr/src/app && git pull
        WORKDIR /usr/src/app
        RUN git pull
        """);
  }
}
