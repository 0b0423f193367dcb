package dev.stowage.lint.rules.correctness;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class NpmPackageNotPinnedTest {
  private final RuleTester tester = RuleTester.of(NpmPackageNotPinned.class);

  @Test
  void catchesUnpinnedPackages() {
    tester.catches("FROM node:20\nRUN npm install express\n");
    tester.catches("FROM node:20\nRUN npm install -g @angular/cli\n");
    tester.catches("FROM node:20\nRUN npm i express@latest\n");
  }

  @Test
  void catchesGitUrlWithoutRef() {
    tester.catches("FROM node:20\nRUN npm install git+https://github.com/x/y.git\n");
  }

  @Test
  void acceptsVersionsTagsGitRefsTarballsAndFolders() {
    tester.accepts("FROM node:20\nRUN npm install express@4.1.1 @angular/cli@17.0.0\n");
    tester.accepts("FROM node:20\nRUN npm install sax@\">=0.1.0 <0.2.0\"\n");
    tester.accepts("FROM node:20\nRUN npm install git+https://github.com/x/y.git#v1.0.27\n");
    tester.accepts("FROM node:20\nRUN npm install ./pkg.tgz ../lib /opt/pkg\n");
  }

  @Test
  void acceptsLockfileInstalls() {
    tester.accepts("FROM node:20\nRUN npm install\n");
    tester.accepts("FROM node:20\nRUN npm ci --omit=dev\n");
    tester.accepts("FROM node:20\nRUN npm install --production\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        FROM node:20
        RUN npm install express@4.1.1
        # expect: DL3016
        RUN npm install express
        """);
  }
}
