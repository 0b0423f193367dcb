package dev.stowage.lint.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class FinalStageRunsAsRootTest {
  private final RuleTester tester = RuleTester.of(FinalStageRunsAsRoot.class);

  @Test
  void catchesNoUserAtAll() {
    tester.catches("FROM python:3.12-slim\nCOPY app.py /app/\nCMD [\"python\", \"/app/app.py\"]\n");
  }

  @Test
  void catchesFinalStageWhoseUserIsOnlyInAnEarlierUnrelatedStage() {
    tester.catchesAt(
        "FROM golang:1.22 AS build\n"
            + "USER nobody\n"
            + "RUN go build\n"
            + "FROM debian:12\n"
            + "COPY --from=build /x /x\n",
        4);
  }

  @Test
  void catchesScratch() {
    tester.catches("FROM scratch\nCOPY app /app\n");
  }

  @Test
  void acceptsExplicitUserEvenRootWhichIsDl3002() {
    tester.accepts("FROM debian:12\nUSER app\n");
    tester.accepts("FROM debian:12\nUSER root\n");
  }

  @Test
  void acceptsUserInheritedFromParentStage() {
    tester.accepts("FROM node:20 AS base\nUSER node\nFROM base\nCOPY . .\n");
  }

  @Test
  void acceptsImagesThatAreNonRootByDefault() {
    tester.accepts("FROM gcr.io/distroless/static-debian12:nonroot\n");
    tester.accepts("FROM cgr.dev/chainguard/static:latest\n");
    tester.accepts("FROM nginxinc/nginx-unprivileged:1.27\nUSER 101\n");
    tester.accepts("FROM bitnami/redis:7.2-rootless\n");
    tester.accepts("FROM rabbitmq:4.0-management\nRUN rabbitmq-plugins enable x\n");
    tester.accepts("FROM postgres:16\nCOPY init.sql /docker-entrypoint-initdb.d/\n");
  }

  @Test
  void acceptsEntrypointsThatDropPrivileges() {
    tester.accepts(
        "FROM debian:12\n"
            + "RUN apt-get update && apt-get install -y gosu\n"
            + "ENTRYPOINT [\"docker-entrypoint.sh\"]\n");
  }

  @Test
  void onlyTheTargetStageCounts() {
    tester.check(
        """
        FROM alpine:3.20 AS tools
        RUN apk add curl
        # expect: ST3001
        FROM alpine:3.20
        COPY --from=tools /usr/bin/curl /usr/bin/curl
        """);
  }

  @Test
  void acceptsWindowsBases() {
    tester.accepts("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo hi\n");
    tester.accepts("FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCMD [\"cmd\"]\n");
    tester.accepts("FROM eclipse-temurin:21-jdk-windowsservercore-ltsc2022\nCMD [\"java\"]\n");
  }

  @Test
  void fixSwitchesToTheUserANodeImageShipsAfterTheLastRun() {
    tester.fixes(
        """
        FROM node:22-slim
        WORKDIR /app
        COPY package.json package-lock.json ./
        RUN npm ci --omit=dev
        COPY . .
        CMD ["node", "server.js"]
        """,
        """
        FROM node:22-slim
        WORKDIR /app
        COPY package.json package-lock.json ./
        RUN npm ci --omit=dev
        USER 1000:1000
        COPY . .
        CMD ["node", "server.js"]
        """);
  }

  @Test
  void fixUsesDistrolessNonrootUserAfterFromWhenThereIsNoRun() {
    tester.fixes(
        "FROM golang:1.22 AS build\nRUN go build -o /app\n"
            + "FROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\n",
        "FROM golang:1.22 AS build\nRUN go build -o /app\n"
            + "FROM gcr.io/distroless/static-debian12\nUSER 65532:65532\nCOPY --from=build /app /app\n");
  }

  @Test
  void fixCreatesAUserOnDebianRuntimeImagesRightAfterFromAndSwitchesAfterTheLastRun() {
    tester.fixes(
        """
        FROM python:3.12-slim
        WORKDIR /app
        RUN pip install --no-cache-dir flask==3.0.3
        COPY app.py ./
        CMD ["python", "app.py"]
        """,
        """
        FROM python:3.12-slim
        RUN useradd --uid 10001 --user-group --no-create-home --no-log-init --home-dir /nonexistent --shell /usr/sbin/nologin app
        WORKDIR /app
        RUN pip install --no-cache-dir flask==3.0.3
        USER 10001:10001
        COPY app.py ./
        CMD ["python", "app.py"]
        """);
  }

  @Test
  void fixCreatesTheUserWithBusyBoxOnAlpineVariantsAndInTheTargetStageOfALineage() {
    tester.fixes(
        "FROM eclipse-temurin:21-jre-alpine AS base\nENV JAVA_OPTS=-Xmx512m\n"
            + "FROM base\nCOPY app.jar /app.jar\n",
        "FROM eclipse-temurin:21-jre-alpine AS base\nENV JAVA_OPTS=-Xmx512m\n"
            + "FROM base\n"
            + "RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app -h /nonexistent -s /sbin/nologin app\n"
            + "USER 10001:10001\nCOPY app.jar /app.jar\n");
    tester.fixes(
        "from alpine:3.20\ncopy tool /usr/local/bin/\n",
        "from alpine:3.20\n"
            + "run addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app -h /nonexistent -s /sbin/nologin app\n"
            + "user 10001:10001\ncopy tool /usr/local/bin/\n");
  }

  @Test
  void fixTurnsAnExecFormFirstRunIntoTheSameShellCommandToAppendTheUser() {
    String user = "useradd --uid 10001 --user-group --no-create-home --no-log-init --home-dir /nonexistent"
        + " --shell /usr/sbin/nologin app";
    tester.fixes(
        "FROM debian:12-slim\nRUN [\"touch\", \"/srv/x\"]\nCMD [\"cat\", \"/srv/x\"]\n",
        "FROM debian:12-slim\nRUN touch /srv/x && " + user + "\nUSER 10001:10001\nCMD [\"cat\", \"/srv/x\"]\n");
    // single quotes keep what exec form keeps: no expansion, no splitting, a quote as a quote
    tester.fixes(
        "FROM debian:12-slim\nRUN [\"sh\", \"-c\", \"echo it's $HOME > /srv/x\"]\n",
        "FROM debian:12-slim\nRUN sh -c 'echo it'\\''s $HOME > /srv/x' && " + user + "\nUSER 10001:10001\n");
    // an element with = as the program would read as an assignment
    tester.fixes(
        "FROM debian:12-slim\nRUN [\"A=b\", \"--x=1\"]\n",
        "FROM debian:12-slim\nRUN 'A=b' --x=1 && " + user + "\nUSER 10001:10001\n");
    // with a SHELL instruction, shell form may not mean /bin/sh -c: a RUN of its own
    tester.fixes(
        "FROM debian:12-slim\nSHELL [\"/bin/bash\", \"-c\"]\nRUN [\"touch\", \"/srv/x\"]\n",
        "FROM debian:12-slim\nRUN " + user + "\nSHELL [\"/bin/bash\", \"-c\"]\nRUN [\"touch\", \"/srv/x\"]\n"
            + "USER 10001:10001\n");
  }

  @Test
  void fixAppendsTheUserToAShortFirstRunRatherThanStandingBesideIt() {
    // a RUN of its own next to a short RUN without flags is what DL3059 reports
    tester.fixes(
        "FROM debian:12-slim\nRUN echo ok > /ok\nCMD [\"cat\", \"/ok\"]\n",
        "FROM debian:12-slim\n"
            + "RUN echo ok > /ok && useradd --uid 10001 --user-group --no-create-home --no-log-init"
            + " --home-dir /nonexistent --shell /usr/sbin/nologin app\n"
            + "USER 10001:10001\nCMD [\"cat\", \"/ok\"]\n");
    // a continued RUN gets a continued line; a trailing separator stays last
    tester.fixes(
        """
        FROM alpine:3.20
        RUN set -eux; \\
        \tapk add --no-cache \\
        # the shell that the scripts need
        \t\tbash \\
        \t;
        COPY run.sh /
        """,
        """
        FROM alpine:3.20
        RUN set -eux; \\
        \tapk add --no-cache \\
        # the shell that the scripts need
        \t\tbash \\
        \t\t&& addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app -h /nonexistent -s /sbin/nologin app \\
        \t;
        USER 10001:10001
        COPY run.sh /
        """);
  }

  @Test
  void fixKeepsTheUserInItsOwnRunBesideALongRunOrOneWithFlags() {
    String create =
        "RUN useradd --uid 10001 --user-group --no-create-home --no-log-init"
            + " --home-dir /nonexistent --shell /usr/sbin/nologin app\n";
    tester.fixes(
        "FROM debian:12-slim\nRUN set -e; mkdir /a; echo ok > /a/ok\n",
        "FROM debian:12-slim\n" + create + "RUN set -e; mkdir /a; echo ok > /a/ok\nUSER 10001:10001\n");
    tester.fixes(
        "FROM debian:12-slim\nRUN --network=none echo ok > /ok\n",
        "FROM debian:12-slim\n" + create + "RUN --network=none echo ok > /ok\nUSER 10001:10001\n");
  }

  @Test
  void fixUsesNobodysIdOnScratchAfterTheWorkdirWhichStaysRootOwned() {
    tester.fixes(
        "FROM golang:1.22 AS build\nRUN CGO_ENABLED=0 go build -o /app\n"
            + "FROM scratch\nWORKDIR /srv\nCOPY --from=build /app /app\nENTRYPOINT [\"/app\"]\n",
        "FROM golang:1.22 AS build\nRUN CGO_ENABLED=0 go build -o /app\n"
            + "FROM scratch\nWORKDIR /srv\nUSER 65534:65534\nCOPY --from=build /app /app\nENTRYPOINT [\"/app\"]\n");
  }

  @Test
  void familiesOfRuntimeImages() {
    assertThat(family("python:3.12-slim-bookworm")).isEqualTo(FinalStageRunsAsRoot.Family.DEBIAN);
    assertThat(family("ubuntu")).isEqualTo(FinalStageRunsAsRoot.Family.DEBIAN);
    assertThat(family("eclipse-temurin:17-jre")).isEqualTo(FinalStageRunsAsRoot.Family.DEBIAN);
    assertThat(family("ruby:3.3-alpine3.20")).isEqualTo(FinalStageRunsAsRoot.Family.ALPINE);
    assertThat(family("alpine:3.20")).isEqualTo(FinalStageRunsAsRoot.Family.ALPINE);
    // toolchains (ST2001 splits them first), JDKs, Apache, UBI and unknown images: no user made
    assertThat(family("golang:1.22")).isEqualTo(FinalStageRunsAsRoot.Family.UNKNOWN);
    assertThat(family("eclipse-temurin:21-jdk")).isEqualTo(FinalStageRunsAsRoot.Family.UNKNOWN);
    assertThat(family("openjdk:17")).isEqualTo(FinalStageRunsAsRoot.Family.UNKNOWN);
    assertThat(family("php:8.3-apache")).isEqualTo(FinalStageRunsAsRoot.Family.UNKNOWN);
    assertThat(family("eclipse-temurin:21-jre-ubi9-minimal")).isEqualTo(FinalStageRunsAsRoot.Family.UNKNOWN);
    assertThat(family("example.com/team/base:1")).isEqualTo(FinalStageRunsAsRoot.Family.UNKNOWN);
  }

  private static FinalStageRunsAsRoot.Family family(String image) {
    return FinalStageRunsAsRoot.family(dev.stowage.dockerfile.ImageReference.parse(image));
  }

  @Test
  void noFixWhereTheUserIsUnknownOrAPrivilegedPortIsExposed() {
    tester.fixUnchanged("FROM example.com/team/base:1\nCOPY app.py /app/\nCMD [\"python\", \"/app/app.py\"]\n");
    tester.fixUnchanged("FROM golang:1.22\nRUN go build -o /app .\nCMD [\"/app\"]\n");
    tester.fixUnchanged("FROM node:22\nEXPOSE 80\nCMD [\"node\", \"s.js\"]\n");
    tester.fixUnchanged("FROM python:3.12-slim\nEXPOSE 443\nCMD [\"python\", \"app.py\"]\n");
  }

  @Test
  void noUserIsCreatedForLaunchersThatWriteIntoTheHome() {
    // uv, poetry, npm (...) write a cache or logs under $HOME at start: the created user has none
    tester.fixUnchanged("FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD [\"uv\", \"run\", \"app.py\"]\n");
    tester.fixUnchanged("FROM python:3.12-slim\nCOPY . /app\nCMD poetry run python /app/main.py\n");
    tester.fixUnchanged("FROM debian:12-slim\nCOPY . /app\nENTRYPOINT [\"/usr/bin/npm\", \"start\"]\n");
    // the image's own user has a home: node's keeps its fix
    tester.fixes(
        "FROM node:22-slim\nCOPY . /app\nCMD [\"npm\", \"start\"]\n",
        "FROM node:22-slim\nUSER 1000:1000\nCOPY . /app\nCMD [\"npm\", \"start\"]\n");
  }

  @Test
  void noUserIsCreatedWhenTheDockerfileMakesOneItself() {
    tester.fixUnchanged(
        "FROM debian:12-slim\nRUN useradd --uid 1500 svc\nCOPY svc /usr/local/bin/\nCMD [\"svc\"]\n");
    tester.fixUnchanged("FROM alpine:3.20 AS base\nRUN adduser -D svc\nFROM base\nCMD [\"svc\"]\n");
  }
}
