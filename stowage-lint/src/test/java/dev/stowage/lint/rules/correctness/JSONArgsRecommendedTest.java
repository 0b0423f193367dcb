package dev.stowage.lint.rules.correctness;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class JSONArgsRecommendedTest {
  private final RuleTester tester = RuleTester.of(JSONArgsRecommended.class);

  @Test
  void catchesShellForm() {
    tester.catches(
        """
        FROM alpine:3.20
        CMD my-program start
        """);
    tester.catches(
        """
        FROM alpine:3.20
        ENTRYPOINT my-program start
        """);
  }

  @Test
  void acceptsExecFormAndExplicitShell() {
    tester.accepts(
        """
        FROM alpine:3.20
        CMD ["my-program", "start"]
        """);
    tester.accepts(
        """
        FROM alpine:3.20
        SHELL ["/bin/bash", "-c"]
        CMD my-program start
        """);
    tester.accepts(
        """
        FROM alpine:3.20 AS base
        SHELL ["/bin/ash", "-c"]
        FROM base
        ENTRYPOINT my-program start
        """);
    tester.accepts(
        """
        FROM alpine:3.20
        RUN echo hi
        """);
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM alpine:3.20
        # expect: DL3025
        ENTRYPOINT my-program start
        # expect: DL3025
        CMD exec my-program --verbose
        FROM alpine:3.20
        CMD ["my-program"]
        """);
  }

  @Test
  void knowsTheBuildKitName() {
    org.assertj.core.api.Assertions.assertThat(tester.meta().aliases())
        .contains("JSONArgsRecommended");
  }

  @Test
  void fixesPlainCommandsToExecForm() {
    tester.fixes(
        """
        FROM alpine:3.20
        CMD my-program start --port 8080
        """,
        """
        FROM alpine:3.20
        CMD ["my-program", "start", "--port", "8080"]
        """);
  }

  @Test
  void fixRemovesQuotesAndALeadingExecAndJoinsContinuationLines() {
    tester.fixes(
        """
        FROM alpine:3.20
        CMD exec node 'server file.js' "--title=a b" '--say="hi"' \\
            --verbose
        """,
        """
        FROM alpine:3.20
        CMD ["node", "server file.js", "--title=a b", "--say=\\"hi\\"", "--verbose"]
        """);
  }

  @Test
  void fixesAnEntrypointWhenNoCmdCouldBecomeItsArguments() {
    tester.fixes(
        """
        FROM alpine:3.20
        ENTRYPOINT /usr/local/bin/app serve
        """,
        """
        FROM alpine:3.20
        ENTRYPOINT ["/usr/local/bin/app", "serve"]
        """);
  }

  @Test
  void doesNotFixWhereTheShellGivesMeaning() {
    for (String cmd :
        new String[] {
          "CMD node $APP_HOME/server.js",
          "CMD java -jar *.jar",
          "CMD ./start.sh > /var/log/app.log",
          "CMD nginx -g 'daemon off;' && echo done",
          "CMD cd /app; ./run",
          "CMD PORT=80 node server.js",
          "CMD node ~/server.js",
          "CMD echo `date`",
          "CMD exec",
          "CMD set -e",
          "CMD node server.js # the server",
          "CMD node \"$(cat /args)\"",
          "CMD a\\ b"
        }) {
      tester.fixUnchanged("FROM alpine:3.20\n" + cmd + "\n");
    }
  }

  @Test
  void doesNotFixWhenTheArgumentsWouldReachAnEntrypoint() {
    tester.fixUnchanged(
        """
        FROM alpine:3.20
        ENTRYPOINT ["/entrypoint.sh"]
        CMD my-program start
        """);
    tester.fixUnchanged(
        """
        FROM alpine:3.20 AS base
        ENTRYPOINT ["/entrypoint.sh"]
        FROM base
        CMD my-program start
        """);
    tester.fixUnchanged(
        """
        FROM alpine:3.20
        ENTRYPOINT my-program start
        CMD --verbose
        """);
  }
}
