package dev.stowage.lint.rules.correctness;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class ExposedPortOutOfRangeTest {
  private final RuleTester tester = RuleTester.of(ExposedPortOutOfRange.class);

  @Test
  void catchesPortAboveTheRange() {
    tester.catches("FROM debian:12\nEXPOSE 80000\n");
    tester.catches("FROM debian:12\nEXPOSE 80 65536/udp\n");
  }

  @Test
  void catchesRangesOutOfBoundsOrReversed() {
    tester.catches("FROM debian:12\nEXPOSE 8000-70000/tcp\n");
    tester.catches("FROM debian:12\nEXPOSE 9000-8000\n");
  }

  @Test
  void catchesAResolvedVariable() {
    tester.catchesAt("FROM debian:12\nARG PORT=99999\nEXPOSE $PORT\n", 3);
  }

  @Test
  void acceptsValidPortsRangesAndProtocols() {
    tester.accepts("FROM debian:12\nEXPOSE 0 80 443/tcp 53/udp 65535 8000-8100/tcp\n");
  }

  @Test
  void acceptsUnknownVariables() {
    tester.accepts("FROM debian:12\nEXPOSE $PORT\n");
    tester.accepts("FROM debian:12\nARG PORT=8080\nEXPOSE ${PORT}/tcp\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM debian:12
        EXPOSE 65535
        # expect: DL3011
        EXPOSE 80000
        """);
  }
}
