package dev.stowage.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ChallengeTest {
  @Test
  void parsesABearerChallengeWithQuotedParameters() {
    Challenge c = Challenge.parse(
        "Bearer realm=\"https://auth.example.com/token\",service=\"registry.example.com\",scope=\"repository:a/b:pull,push\"")
        .orElseThrow();
    assertThat(c.scheme()).isEqualTo("bearer");
    assertThat(c.parameters()).isEqualTo(Map.of(
        "realm", "https://auth.example.com/token",
        "service", "registry.example.com",
        "scope", "repository:a/b:pull,push"));
  }

  @Test
  void parsesBasicWithSpacesAndUnquotedValues() {
    Challenge c = Challenge.parse("basic  realm = registry , charset=UTF-8").orElseThrow();
    assertThat(c.scheme()).isEqualTo("basic");
    assertThat(c.parameter("realm")).contains("registry");
    assertThat(c.parameter("charset")).contains("UTF-8");
  }

  @Test
  void keepsEscapedQuotesAndCommasInsideQuotes() {
    Challenge c = Challenge.parse("Bearer realm=\"a\\\"b,c\",error=\"insufficient_scope\"").orElseThrow();
    assertThat(c.parameter("realm")).contains("a\"b,c");
    assertThat(c.parameter("error")).contains("insufficient_scope");
  }

  @Test
  void stopsAtTheNextChallenge() {
    Challenge c = Challenge.parse("Basic realm=\"x\", Bearer realm=\"y\"").orElseThrow();
    assertThat(c.scheme()).isEqualTo("basic");
    assertThat(c.parameter("realm")).contains("x");
  }

  @Test
  void emptyHeaderIsNoChallenge() {
    assertThat(Challenge.parse("  ")).isEmpty();
    assertThat(Challenge.parse("realm=x")).isEmpty();
  }
}
