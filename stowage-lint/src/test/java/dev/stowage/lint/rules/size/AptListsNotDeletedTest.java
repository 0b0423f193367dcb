package dev.stowage.lint.rules.size;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class AptListsNotDeletedTest {
  private final RuleTester tester = RuleTester.of(AptListsNotDeleted.class);

  @Test
  void catchesUpdateWithoutCleanup() {
    tester.catches("FROM debian:12\nRUN apt-get update && apt-get install -y python\n");
  }

  @Test
  void catchesCleanupInALaterRun() {
    tester.catchesAt(
        "FROM debian:12\n"
            + "RUN apt-get update && apt-get install -y python\n"
            + "RUN rm -rf /var/lib/apt/lists/*\n",
        2);
  }

  @Test
  void catchesStagesTheFinalImageIsBuiltOn() {
    tester.catchesAt(
        "FROM debian:12 AS base\n"
            + "RUN apt-get update && apt-get install -y curl\n"
            + "FROM base\n"
            + "RUN true\n",
        2);
  }

  @Test
  void acceptsCleanupInAnySpelling() {
    tester.accepts(
        "FROM debian:12\n"
            + "RUN apt-get update && apt-get install -y python && rm -rf /var/lib/apt/lists/*\n");
    tester.accepts(
        "FROM debian:12\n"
            + "RUN apt-get update && apt-get install -y python && rm -r /var/lib/apt/lists\n");
    tester.accepts(
        "FROM debian:12\nRUN apt-get update && apt-get install -y python && apt-get distclean\n");
  }

  @Test
  void acceptsCacheMountsOnTheLists() {
    tester.accepts(
        "FROM debian:12\n"
            + "RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install"
            + " -y curl\n");
    tester.accepts(
        "FROM debian:12\n"
            + "RUN --mount=type=cache,target=/var/lib/apt --mount=type=cache,target=/var/cache/apt"
            + " apt-get update && apt-get install -y curl\n");
  }

  @Test
  void acceptsBuilderStagesThatAreNotShipped() {
    tester.accepts(
        "FROM debian:12 AS build\n"
            + "RUN apt-get update && apt-get install -y gcc\n"
            + "FROM debian:12\n"
            + "COPY --from=build /x /x\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM debian:12
        # expect: DL3009
        RUN apt-get update && apt-get install -y --no-install-recommends python
        RUN apt-get update && apt-get install -y --no-install-recommends python \\
            && rm -rf /var/lib/apt/lists/*
        """);
  }

  @Test
  void fixes() {
    tester.fixes(
        "FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y curl   \n",
        "FROM debian:12\n"
            + "RUN apt-get update \\\n"
            + "    && apt-get install -y curl && rm -rf /var/lib/apt/lists/*   \n");
    tester.fixes(
        "FROM debian:12\nRUN apt-get update; apt-get install -y curl\n",
        "FROM debian:12\n"
            + "RUN apt-get update; apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n");
  }

  @Test
  void appendsBeforeATrailingSeparatorOrComment() {
    tester.fixes(
        "FROM debian:12\nRUN apt-get update && apt-get install -y curl;\n",
        "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*;\n");
    tester.fixes(
        "FROM debian:12\nRUN apt-get update && apt-get install -y curl # tools\n",
        "FROM debian:12\n"
            + "RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/* # tools\n");
  }

  @Test
  void leavesScriptsItCannotAppendToUnchanged() {
    tester.fixUnchanged(
        "FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n");
    tester.fixUnchanged("FROM debian:12\nRUN apt-get update && apt-get install -y curl &\n");
  }

  @Test
  void fixMergesAnUpdateOfItsOwnIntoTheNextInstall() {
    tester.fixes(
        """
        FROM debian:12
        # refresh
        RUN apt-get update -qq
        RUN --mount=type=secret,id=x apt-get install -y --no-install-recommends \\
              curl
        CMD ["curl"]
        """,
        """
        FROM debian:12
        # refresh
        RUN --mount=type=secret,id=x apt-get update -qq && apt-get install -y --no-install-recommends \\
              curl && rm -rf /var/lib/apt/lists/*
        CMD ["curl"]
        """);
  }

  @Test
  void neverDeletesListsALaterRunStillNeeds() {
    // the rm would break the install of the next RUN; the next RUN is not an && chain
    tester.fixUnchanged(
        "FROM debian:12\nRUN apt-get update && apt-get upgrade -y\nRUN apt-get install -y curl\n");
    tester.fixUnchanged(
        "FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl || true\n");
    tester.fixUnchanged(
        "FROM debian:12\nRUN apt-get update\nRUN apt-get install -y a\nRUN apt-get install -y b\n");
    tester.fixUnchanged(
        "FROM debian:12\nRUN apt-get update\nENV A=1\nRUN apt-get install -y curl\n");
    tester.fixUnchanged(
        "FROM debian:12 AS base\nRUN apt-get update && apt-get install -y a\nFROM base\nRUN apt-get install -y b\n");
  }
}
