package dev.stowage.lint.rules.correctness;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class UnpinnedGoPackageTest {
  private final RuleTester tester = RuleTester.of(UnpinnedGoPackage.class);

  @Test
  void catchesUnpinnedInstall() {
    tester.catches("FROM golang:1.22\nRUN go install github.com/x/tool\n");
  }

  @Test
  void catchesLatest() {
    tester.catches("FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@latest\n");
  }

  @Test
  void catchesGetAndRun() {
    tester.catches("FROM golang:1.22\nRUN go get github.com/x/lib\n");
    tester.catches("FROM golang:1.22\nRUN go run github.com/x/gen ./...\n");
  }

  @Test
  void acceptsPinnedVersions() {
    tester.accepts("FROM golang:1.22\nRUN go install github.com/x/tool@v1.2.3\n");
    tester.accepts("FROM golang:1.22\nARG V=v1\nRUN go install github.com/x/tool@${V}\n");
  }

  @Test
  void acceptsLocalPackages() {
    tester.accepts("FROM golang:1.22\nRUN go install . && go get -d -v ./... && go run main.go && go install ./cmd/app\n");
  }

  @Test
  void acceptsProgramArgumentsOfGoRun() {
    tester.accepts("FROM golang:1.22\nRUN go run ./gen github.com/x/y\n");
  }

  @Test
  void acceptsFlagValues() {
    tester.accepts("FROM golang:1.22\nRUN go install -ldflags \"-s -w\" -o /bin/app ./cmd/app\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM golang:1.22
        RUN go install github.com/a/b@v1.0.0
        # expect: DL3062
        RUN go install -v github.com/a/c
        """);
  }
}
