package dev.stowage.lint.rules.security;

import dev.stowage.lint.RuleTester;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFileCopiedTest {
  private final RuleTester tester = RuleTester.of(SecretFileCopied.class);
  @TempDir Path dir;

  private void write(String rel) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, "x");
  }

  @Test
  void catchesSecretFilesByName() {
    tester.catches("FROM node:20\nCOPY .npmrc /root/.npmrc\n");
    tester.catches("FROM python:3.12\nCOPY .pypirc /root/\n");
    tester.catches("FROM alpine:3.20\nCOPY id_rsa /root/.ssh/id_rsa\n");
    tester.catches("FROM alpine:3.20\nADD certs/server.key /etc/ssl/\n");
    tester.catches("FROM alpine:3.20\nCOPY .aws/credentials /root/.aws/credentials\n");
    tester.catches("FROM alpine:3.20\nCOPY .docker/config.json /root/.docker/\n");
    tester.catches("FROM alpine:3.20\nCOPY .ssh /root/.ssh\n");
    tester.catches("FROM alpine:3.20\nCOPY [\".env\", \"/app/\"]\n");
  }

  @Test
  void catchesResolvedArgs() {
    tester.catches("FROM alpine:3.20\nARG RC=.netrc\nCOPY $RC /root/\n");
  }

  @Test
  void acceptsOrdinaryFilesOtherStagesAndPublicKeys() {
    tester.accepts("FROM alpine:3.20\nCOPY package.json .env.example /app/\n");
    tester.accepts("FROM alpine:3.20\nCOPY id_rsa.pub /root/.ssh/authorized_keys\n");
    tester.accepts("FROM alpine:3.20 AS b\nFROM alpine:3.20\nCOPY --from=b /root/.npmrc /x\n");
    tester.accepts("FROM alpine:3.20\nCOPY . .\n"); // no context known
  }

  @Test
  void catchesWholeContextCopyWhenTheContextHoldsSecrets() throws IOException {
    write(".env");
    write("src/main.go");
    tester.withContext(dir).catchesAt("FROM golang:1.22\nWORKDIR /src\nCOPY . .\n", 3);
    tester.withContext(dir).catchesAt("FROM golang:1.22\nCOPY src/ /src/\nCOPY ./ /all/\n", 3);
  }

  @Test
  void acceptsWholeContextCopyWhenDockerignoreExcludesSecrets() throws IOException {
    write(".env");
    write("config/prod.pem");
    Files.writeString(dir.resolve(".dockerignore"), ".env\n**/*.pem\n");
    tester.withContext(dir).accepts("FROM golang:1.22\nCOPY . .\n");
    tester
        .withContext(dir)
        .accepts("FROM golang:1.22\nCOPY .env /app/\n"); // excluded: the COPY fails instead
  }

  @Test
  void marksExactLines() throws IOException {
    write("deploy/id_ed25519");
    tester
        .withContext(dir)
        .check(
            """
            FROM alpine:3.20
            COPY README.md /
            # expect: ST3002
            COPY deploy/ /deploy/
            # expect: ST3002
            COPY .npmrc /root/
            """);
  }
}
