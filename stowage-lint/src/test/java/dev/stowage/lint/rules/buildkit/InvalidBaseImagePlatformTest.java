package dev.stowage.lint.rules.buildkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.dockerfile.model.BuildOptions;
import dev.stowage.lint.ImagePlatforms;
import dev.stowage.lint.LintOptions;
import dev.stowage.lint.RuleTester;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InvalidBaseImagePlatformTest {
  /** What an image store might hold: amd64-only, a multi-platform index, and an armhf image. */
  private static final Map<String, List<String>> STORE =
      Map.of(
          "docker.io/library/tool", List.of("linux/amd64"),
          "docker.io/library/multi", List.of("linux/amd64", "linux/arm64/v8", "linux/arm/v7"),
          "registry.example.com/pi/app", List.of("linux/arm/v7"));

  private static final ImagePlatforms LOOKUP =
      ref -> Optional.ofNullable(STORE.get(ref.registry() + "/" + ref.repository()));

  private final RuleTester amd64 =
      RuleTester.of(InvalidBaseImagePlatform.class)
          .withOptions(
              LintOptions.defaults()
                  .withImages(LOOKUP)
                  .withBuild(BuildOptions.defaults().withTargetPlatform("linux/amd64")));

  @Test
  void catchesAnImageThatLacksTheStagePlatform() {
    amd64.catches("FROM --platform=linux/arm64 tool:1.0\n");
    amd64.catches("FROM registry.example.com/pi/app:2\n");
    amd64.withOptions(
            LintOptions.defaults()
                .withImages(LOOKUP)
                .withBuild(BuildOptions.defaults().withTargetPlatform("linux/arm64")))
        .catches("FROM tool:1.0\n");
  }

  @Test
  void acceptsMatchingAndNormalisedPlatforms() {
    amd64.accepts("FROM tool:1.0\n");
    amd64.accepts("FROM --platform=linux/arm64 multi:3\n"); // arm64 = arm64/v8
    amd64.accepts("FROM --platform=linux/arm multi:3\n"); // arm = arm/v7
    amd64.accepts("FROM --platform=linux/x86_64 tool:1.0\n");
    amd64.accepts("FROM --platform=$BUILDPLATFORM tool:1.0 AS build\nFROM scratch\n");
  }

  @Test
  void staysSilentWhenNothingIsKnown() {
    amd64.accepts("FROM unknown:1\n");
    amd64.accepts("FROM tool:1.0 AS build\nFROM build\n"); // a stage base is not an image
    RuleTester.of(InvalidBaseImagePlatform.class).accepts("FROM --platform=linux/arm64 tool:1.0\n");
    amd64.accepts("ARG P\nFROM --platform=$P tool:1.0\n"); // unresolved: BuildKit decides at build time
  }

  @Test
  void marksTheImageOfTheStageThatDoesNotMatch() {
    amd64.check(
        """
        FROM --platform=$BUILDPLATFORM multi:3 AS build
        # expect: InvalidBaseImagePlatform
        FROM --platform=linux/arm/v6 multi:3
        """);
  }

  @Test
  void platformsCompareAsContainerdNormalisesThem() {
    assertThat(InvalidBaseImagePlatform.matches("linux/arm64/v8", "linux/arm64")).isTrue();
    assertThat(InvalidBaseImagePlatform.matches("linux/arm/v7", "linux/arm")).isTrue();
    assertThat(InvalidBaseImagePlatform.matches("linux/arm/v6", "linux/arm")).isFalse();
    assertThat(InvalidBaseImagePlatform.matches("linux/amd64", "windows/amd64")).isFalse();
  }
}
