package dev.stowage.lint.rules.size;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class CleanupInLaterLayerTest {
  private final RuleTester tester = RuleTester.of(CleanupInLaterLayer.class);

  @Test
  void catchesAptListsRemovedInALaterRun() {
    var f =
        tester.catches(
            "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n");
    assertThat(f.get(0).line()).isEqualTo(3);
    assertThat(f.get(0).message()).contains("line 2");
  }

  @Test
  void catchesAddedArchiveRemovedLater() {
    tester.catchesAt(
        """
        FROM debian:bookworm-slim
        ADD https://example.com/tool.tar.gz /tmp/
        RUN tar -xzf /tmp/tool.tar.gz -C /opt && rm /tmp/tool.tar.gz
        """,
        3);
    tester.catches("FROM alpine\nWORKDIR /opt\nCOPY installer.run .\nRUN sh installer.run && rm -f /opt/installer.run\n");
  }

  @Test
  void catchesDownloadRemovedInALaterRun() {
    tester.catches("FROM alpine\nRUN wget -O /tmp/x.zip https://example.com/x.zip\nRUN unzip /tmp/x.zip -d /opt && rm /tmp/x.zip\n");
  }

  @Test
  void catchesCleanupInAStageBuiltFromAnother() {
    tester.catches("FROM debian AS base\nCOPY big.iso /data/big.iso\nFROM base\nRUN rm /data/big.iso\n");
  }

  @Test
  void acceptsCleanupInTheSameRun() {
    tester.accepts(
        "FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n");
    tester.accepts("FROM alpine\nRUN wget -O /tmp/x.zip https://e.com/x.zip && unzip /tmp/x.zip && rm /tmp/x.zip\n");
  }

  @Test
  void leavesARunThatRecreatesTheListsToDL3009() {
    tester.accepts(
        """
        FROM debian:bookworm
        RUN apt-get update && apt-get install -y curl
        RUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*
        """);
  }

  @Test
  void acceptsRemovingUnrelatedFilesAndMountedPaths() {
    tester.accepts("FROM alpine\nCOPY app /app\nRUN rm -rf /tmp/*\n");
    tester.accepts("FROM alpine\nCOPY x /cache/x\nRUN --mount=type=cache,target=/cache rm -rf /cache/x\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM ubuntu:24.04
        RUN apt-get update
        RUN apt-get install -y --no-install-recommends python3
        # expect: ST2003
        RUN rm -rf /var/lib/apt/lists/*
        """);
  }
}
