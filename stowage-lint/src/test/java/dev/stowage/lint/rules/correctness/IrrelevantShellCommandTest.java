package dev.stowage.lint.rules.correctness;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class IrrelevantShellCommandTest {
  private final RuleTester tester = RuleTester.of(IrrelevantShellCommand.class);

  @Test
  void catchesInteractiveAndServiceCommands() {
    tester.catches("FROM debian:12\nRUN apt-get update && apt-get install -y vim && vim foo.txt\n");
    tester.catches("FROM debian:12\nRUN service nginx start\n");
    tester.catches("FROM debian:12\nRUN sudo /sbin/shutdown -h now\n");
    tester.catches("FROM debian:12\nRUN ps aux | grep x\n");
  }

  @Test
  void acceptsPackageNamesAndOtherPrograms() {
    tester.accepts("FROM debian:12\nRUN apt-get install -y vim openssh-client procps\n");
    tester.accepts("FROM debian:12\nRUN ssh-keygen -A && topgrade --help\n");
    tester.accepts("FROM debian:12\nRUN [\"ps\", \"aux\"]\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM debian:12
        RUN apt-get install -y procps
        # expect: DL3001
        RUN top -b -n 1
        RUN echo top
        """);
  }
}
