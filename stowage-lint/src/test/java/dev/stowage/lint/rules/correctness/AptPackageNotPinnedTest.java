package dev.stowage.lint.rules.correctness;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class AptPackageNotPinnedTest {
  private final RuleTester tester = RuleTester.of(AptPackageNotPinned.class);

  @Test
  void catchesUnpinnedPackage() {
    tester.catches("FROM debian:12\nRUN apt-get install -y python\n");
  }

  @Test
  void catchesUnpinnedPackageAmongPinnedOnes() {
    tester.catches("FROM debian:12\nRUN apt-get install -y python=2.7 curl\n");
  }

  @Test
  void catchesPackagesFromAnEnvVariable() {
    tester.catchesAt("FROM debian:12\nENV DEPS=\"curl git\"\nRUN apt-get install -y $DEPS\n", 3);
  }

  @Test
  void acceptsPinnedReleasesDebFilesAndTargetRelease() {
    tester.accepts("FROM debian:12\nRUN apt-get install -y python=2.7\n");
    tester.accepts("FROM debian:12\nRUN apt-get install -y ./pkg_1.0_amd64.deb\n");
    tester.accepts("FROM debian:12\nRUN apt-get install -y nginx/bookworm-backports\n");
    tester.accepts("FROM debian:12\nRUN apt-get install -y -t bookworm-backports python=3.11\n");
  }

  @Test
  void acceptsUnknownVariablesAndDryRuns() {
    tester.accepts("FROM debian:12\nRUN apt-get install -y $PACKAGES\n");
    tester.accepts("FROM debian:12\nRUN apt-get install -s curl > /dev/null\n");
    tester.accepts("FROM debian:12\nRUN apt-get update\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM debian:12
        RUN apt-get update && apt-get install -y --no-install-recommends python=2.7
        # expect: DL3008
        RUN apt-get update && apt-get install -y --no-install-recommends python \\
            && rm -rf /var/lib/apt/lists/*
        """);
  }
}
