package dev.stowage.lint.rules.correctness;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class PipPackageNotPinnedTest {
  private final RuleTester tester = RuleTester.of(PipPackageNotPinned.class);

  @Test
  void catchesUnpinnedPackages() {
    tester.catches("FROM python:3.12\nRUN pip install django\n");
    tester.catches("FROM python:3.12\nRUN pip3 install --upgrade pip\n");
    tester.catches("FROM python:3.12\nRUN python -m pip install requests[security]\n");
  }

  @Test
  void catchesVcsUrlWithoutRef() {
    tester.catches("FROM python:3.12\nRUN pip install git+https://github.com/x/y.git\n");
    tester.catches("FROM python:3.12\nRUN pip install git+ssh://git@github.com/x/y.git\n");
  }

  @Test
  void catchesNamedPackagesNextToARequirementsFile() {
    tester.catches("FROM python:3.12\nRUN pip install -r requirements.txt gunicorn\n");
  }

  @Test
  void acceptsVersionSpecifiersAndFiles() {
    tester.accepts("FROM python:3.12\nRUN pip install django==1.9 'requests>=2.0' flask~=3.0\n");
    tester.accepts("FROM python:3.12\nRUN pip install --requirement requirements.txt\n");
    tester.accepts("FROM python:3.12\nRUN pip install -r requirements.txt\n");
    tester.accepts("FROM python:3.12\nRUN pip install .\n");
    tester.accepts("FROM python:3.12\nRUN pip install -e .\n");
    tester.accepts(
        "FROM python:3.12\nRUN pip install ./dist/app-1.0-py3-none-any.whl /tmp/lib.tar.gz\n");
    tester.accepts("FROM python:3.12\nRUN pip install git+https://github.com/x/y.git@v1.0#egg=y\n");
  }

  @Test
  void acceptsConstraintsAndUnknownVariables() {
    tester.accepts("FROM python:3.12\nRUN pip install -c constraints.txt django\n");
    tester.accepts("FROM python:3.12\nRUN pip install $PKGS\n");
    tester.accepts(
        "FROM python:3.12\nENV PIP_VERSION=24.0\nRUN pip install \"pip==$PIP_VERSION\"\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM python:3.12
        RUN pip install django==1.9
        # expect: DL3013
        RUN pip install --no-cache-dir django
        """);
  }
}
