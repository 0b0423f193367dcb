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

  @Test
  void fixesCdInABuilderStageNothingElseUses() {
    tester.fixes(
        """
        FROM golang:1.22 AS build
        COPY . /src
        RUN cd /src && \\
            go build -o /out/app .
        FROM scratch
        COPY --from=build /out/app /app
        """,
        """
        FROM golang:1.22 AS build
        COPY . /src
        WORKDIR /src
        RUN go build -o /out/app .
        FROM scratch
        COPY --from=build /out/app /app
        """);
  }

  @Test
  void fixesWhenALaterWorkdirResetsTheDirectory() {
    tester.fixes(
        "FROM debian:12\r\n  run cd /tmp && curl -fsSLO https://example.com/a.tgz\r\n"
            + "ENV A=1\r\nCOPY b /opt/b\r\nWORKDIR /app\r\nRUN make\r\n",
        "FROM debian:12\r\n  workdir /tmp\r\n  run curl -fsSLO https://example.com/a.tgz\r\n"
            + "ENV A=1\r\nCOPY b /opt/b\r\nWORKDIR /app\r\nRUN make\r\n");
  }

  @Test
  void doesNotFixWhenLaterStepsRelyOnTheWorkingDirectory() {
    // a later RUN, a relative COPY destination, the image's own working directory
    tester.fixUnchanged("FROM debian:12 AS b\nRUN cd /src && make\nRUN make install\nFROM scratch\n");
    tester.fixUnchanged("FROM debian:12 AS b\nRUN cd /src && make\nCOPY x y\nFROM scratch\n");
    tester.fixUnchanged("FROM debian:12\nRUN cd /src && make\n");
    tester.fixUnchanged("FROM debian:12 AS b\nRUN cd /src && make\nFROM b\nRUN ls\n");
    tester.fixUnchanged("FROM debian:12 AS b\nRUN cd /src && make\nCMD [\"x\"]\nFROM scratch\n");
  }

  @Test
  void doesNotFixCdThatIsNotASimpleLiteralPrefix() {
    tester.fixUnchanged("FROM debian:12 AS b\nRUN make && cd /src && make\nFROM scratch\n");
    tester.fixUnchanged("FROM debian:12 AS b\nENV S=/src\nRUN cd $S && make\nFROM scratch\n");
    tester.fixUnchanged("FROM debian:12 AS b\nRUN cd /src || exit 1\nFROM scratch\n");
    tester.fixUnchanged("FROM debian:12 AS b\nRUN cd src && make\nFROM scratch\n");
    tester.fixUnchanged("FROM debian:12 AS b\nRUN cd /src && make && cd - && ls\nFROM scratch\n");
    tester.fixUnchanged("FROM debian:12 AS b\nRUN cd '/my src' && make\nFROM scratch\n");
  }
}
