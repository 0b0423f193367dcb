package dev.stowage.lint.rules.security;

import dev.stowage.lint.LintOptions;
import dev.stowage.lint.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class UntrustedRegistryTest {
  private final RuleTester tester = RuleTester.of(UntrustedRegistry.class);

  @Test
  void silentWithoutConfiguration() {
    tester.accepts(
        """
        FROM random.com/debian:12
        """);
  }

  @Test
  void catchesOtherRegistries() {
    RuleTester t =
        tester.withOptions(LintOptions.defaults().withTrustedRegistries(List.of("docker.io")));
    t.catches("FROM random.com/debian:12\n");
    t.catches("FROM debian:12\nCOPY --from=quay.io/x/y:1 /a /a\n");
    t.catches("FROM debian:12\nRUN --mount=from=gcr.io/x/y:1,target=/m true\n");
  }

  @Test
  void acceptsAllowedRegistriesStagesAndScratch() {
    RuleTester t =
        tester.withOptions(
            LintOptions.defaults().withTrustedRegistries(List.of("docker.io", "*.corp.example")));
    t.accepts("FROM debian:12\n");
    t.accepts("FROM scratch\n");
    t.accepts("FROM registry.corp.example/base:1 AS b\nFROM b\nCOPY --from=b /a /a\n");
    t.accepts("ARG IMG\nFROM $IMG\n");
  }

  @Test
  void marksHadolintExamples() {
    tester
        .withOptions(LintOptions.defaults().withTrustedRegistries(List.of("my-registry.com")))
        .check(
            """
            FROM my-registry.com/base:1 AS base
            # expect: DL3026
            FROM docker.io/library/debian:12
            # expect: DL3026
            FROM debian:12
            FROM base
            """);
  }
}
