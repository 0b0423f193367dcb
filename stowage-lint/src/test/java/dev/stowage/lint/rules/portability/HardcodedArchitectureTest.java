package dev.stowage.lint.rules.portability;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class HardcodedArchitectureTest {
  private final RuleTester tester = RuleTester.of(HardcodedArchitecture.class);

  @Test
  void catchesArchitectureInDownloadUrl() {
    tester.catches(
        "FROM debian:12\n"
            + "RUN curl -fsSLo /usr/local/bin/kubectl"
            + " https://dl.k8s.io/release/v1.30.0/bin/linux/amd64/kubectl\n");
    tester.catches("FROM debian:12\nRUN wget https://example.com/tool-1.0-linux-x86_64.tar.gz\n");
  }

  @Test
  void catchesAddUrl() {
    tester.catches("FROM debian:12\nADD https://example.com/tool_linux_arm64.tar.gz /tmp/\n");
  }

  @Test
  void catchesFixedGoarch() {
    tester.catches("FROM golang:1.22\nRUN CGO_ENABLED=0 GOARCH=amd64 go build -o /app .\n");
    tester.catches("FROM golang:1.22\nENV GOARCH=amd64\n");
  }

  @Test
  void catchesDebInstall() {
    tester.catches("FROM debian:12\nRUN dpkg -i /tmp/tool_1.0_amd64.deb\n");
  }

  @Test
  void acceptsTargetarch() {
    tester.accepts(
        "FROM debian:12\n"
            + "ARG TARGETARCH\n"
            + "RUN curl -fsSLo kubectl"
            + " https://dl.k8s.io/release/v1.30.0/bin/linux/${TARGETARCH}/kubectl\n");
    tester.accepts("FROM golang:1.22\nARG TARGETARCH\nRUN GOARCH=$TARGETARCH go build .\n");
  }

  @Test
  void acceptsScriptsThatDetectTheArchitecture() {
    tester.accepts(
        """
        FROM debian:12
        RUN set -eux; \\
            dpkgArch="$(dpkg --print-architecture)"; \\
            case "$dpkgArch" in \\
              amd64) url='https://example.com/tool-x86_64.tar.gz' ;; \\
              arm64) url='https://example.com/tool-aarch64.tar.gz' ;; \\
            esac; \\
            curl -fsSL "$url" -o tool.tgz; \\
            wget https://example.com/tool-x86_64.sig
        """);
    tester.accepts("FROM debian:12\nRUN dpkg --add-architecture arm64 && apt-get update\n");
    tester.accepts("FROM debian:12\nRUN curl -fsSLO https://example.com/tool-$(uname -m).tar.gz\n");
  }

  @Test
  void acceptsStagesPinnedToOnePlatform() {
    tester.accepts(
        "FROM --platform=linux/amd64 debian:12\n"
            + "RUN curl -fsSLO https://example.com/tool-amd64.tar.gz\n");
  }

  @Test
  void acceptsNonDownloads() {
    tester.accepts("FROM debian:12\nRUN echo amd64 > /arch && ls /usr/lib/x86_64-linux-gnu\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM debian:12
        RUN apt-get update
        # expect: ST4001
        RUN curl -fsSL https://github.com/x/y/releases/download/v1/y_linux_amd64.tar.gz | tar -xz
        """);
  }
}
