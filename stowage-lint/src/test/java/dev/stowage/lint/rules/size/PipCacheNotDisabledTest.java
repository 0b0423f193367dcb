package dev.stowage.lint.rules.size;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class PipCacheNotDisabledTest {
  private final RuleTester tester = RuleTester.of(PipCacheNotDisabled.class);

  @Test
  void catchesPipInstall() {
    tester.catches(
        """
        FROM python:3.12
        RUN pip install requests==2.32.3
        """);
    tester.catches(
        """
        FROM python:3.12
        RUN python3 -m pip install -r requirements.txt
        """);
  }

  @Test
  void acceptsACacheMountWherePipCacheDirPointsAndNotElsewhere() {
    tester.accepts(
        "FROM python:3.12\nENV PIP_CACHE_DIR=/cache/pip\nRUN --mount=type=cache,target=/cache/pip pip install flask==3.0.0\n");
    tester.catches(
        "FROM python:3.12\nENV PIP_CACHE_DIR=/cache/pip\nRUN --mount=type=cache,target=/tmp/x pip install flask==3.0.0\n");
  }

  @Test
  void acceptsNoCacheDirVariablesAndMounts() {
    tester.accepts(
        """
        FROM python:3.12
        RUN pip install --no-cache-dir requests==2.32.3
        """);
    tester.accepts(
        """
        FROM python:3.12
        ENV PIP_NO_CACHE_DIR=1
        RUN pip install requests==2.32.3
        """);
    tester.accepts(
        """
        FROM python:3.12
        ARG PIP_NO_CACHE_DIR=true
        RUN pip install requests==2.32.3
        """);
    tester.accepts(
        """
        FROM python:3.12
        RUN PIP_NO_CACHE_DIR=1 pip install requests==2.32.3
        """);
    tester.accepts(
        """
        FROM python:3.12
        RUN export PIP_NO_CACHE_DIR=on && pip install requests==2.32.3
        """);
    tester.accepts(
        """
        FROM python:3.12
        RUN --mount=type=cache,target=/root/.cache/pip pip install requests==2.32.3
        """);
    tester.accepts(
        """
        FROM python:3.12 AS base
        ENV PIP_NO_CACHE_DIR=1
        FROM base
        RUN pip install requests==2.32.3
        """);
    tester.accepts(
        """
        FROM python:3.12
        RUN pipx install black
        """);
    tester.accepts(
        """
        FROM python:3.12
        RUN pip freeze
        """);
  }

  @Test
  void marksHadolintExamples() {
    tester.check(
        """
        FROM python:3.12
        # expect: DL3042
        RUN pip install django
        RUN pip install --no-cache-dir django
        """);
  }

  @Test
  void insertsNoCacheDir() {
    tester.fixes(
        """
        FROM python:3.12
        RUN pip install django
        """,
        """
        FROM python:3.12
        RUN pip install --no-cache-dir django
        """);
    tester.fixes(
        """
        FROM python:3.12
        RUN python -m pip install -U pip
        """,
        """
        FROM python:3.12
        RUN python -m pip install --no-cache-dir -U pip
        """);
  }
}
