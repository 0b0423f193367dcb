package dev.stowage.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageReferenceTest {
  private static final String SHA256 =
      "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  private static final String SHA512 = "sha512:" + "ab".repeat(64);

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          # input                                  | registry              | repository             | tag           | normalised
          debian                                   | docker.io             | library/debian         | -             | docker.io/library/debian
          debian:12                                | docker.io             | library/debian         | 12            | docker.io/library/debian:12
          debian:bookworm-slim                     | docker.io             | library/debian         | bookworm-slim | docker.io/library/debian:bookworm-slim
          library/debian:12                        | docker.io             | library/debian         | 12            | docker.io/library/debian:12
          docker.io/debian                         | docker.io             | library/debian         | -             | docker.io/library/debian
          docker.io/library/debian                 | docker.io             | library/debian         | -             | docker.io/library/debian
          index.docker.io/debian                   | docker.io             | library/debian         | -             | docker.io/library/debian
          index.docker.io/grafana/grafana:11.0.0   | docker.io             | grafana/grafana        | 11.0.0        | docker.io/grafana/grafana:11.0.0
          grafana/grafana                          | docker.io             | grafana/grafana        | -             | docker.io/grafana/grafana
          redhat/ubi10-minimal                     | docker.io             | redhat/ubi10-minimal   | -             | docker.io/redhat/ubi10-minimal
          a/b/c/d                                  | docker.io             | a/b/c/d                | -             | docker.io/a/b/c/d
          localhost/app                            | localhost             | app                    | -             | localhost/app
          localhost:5000/x                         | localhost:5000        | x                      | -             | localhost:5000/x
          localhost:5000/x:1.0                     | localhost:5000        | x                      | 1.0           | localhost:5000/x:1.0
          localhost:5000                           | docker.io             | library/localhost      | 5000          | docker.io/library/localhost:5000
          127.0.0.1:5000/team/app:v2               | 127.0.0.1:5000        | team/app               | v2            | 127.0.0.1:5000/team/app:v2
          [::1]:5000/app                           | [::1]:5000            | app                    | -             | [::1]:5000/app
          [2001:db8::1]/app:x                      | [2001:db8::1]         | app                    | x             | [2001:db8::1]/app:x
          ghcr.io/owner/app:sha-1a2b3c             | ghcr.io               | owner/app              | sha-1a2b3c    | ghcr.io/owner/app:sha-1a2b3c
          mcr.microsoft.com/windows/servercore:ltsc2022 | mcr.microsoft.com | windows/servercore     | ltsc2022      | mcr.microsoft.com/windows/servercore:ltsc2022
          my-registry.example.com:443/a/b          | my-registry.example.com:443 | a/b              | -             | my-registry.example.com:443/a/b
          Registry/app                             | Registry              | app                    | -             | Registry/app
          registry/app                             | docker.io             | registry/app           | -             | docker.io/registry/app
          my--reg.example-1.com/x                  | my--reg.example-1.com | x                      | -             | my--reg.example-1.com/x
          x/a.b_c__d-e---f                         | docker.io             | x/a.b_c__d-e---f       | -             | docker.io/x/a.b_c__d-e---f
          python:3.13-slim-bookworm                | docker.io             | library/python         | 3.13-slim-bookworm | docker.io/library/python:3.13-slim-bookworm
          eclipse-temurin:21_35-jdk                | docker.io             | library/eclipse-temurin | 21_35-jdk    | docker.io/library/eclipse-temurin:21_35-jdk
          app:_private                             | docker.io             | library/app            | _private      | docker.io/library/app:_private
          app:UPPER.case                           | docker.io             | library/app            | UPPER.case    | docker.io/library/app:UPPER.case
          """)
  void parsesAndNormalises(
      String input, String registry, String repository, String tag, String normalised) {
    ImageReference ref = ImageReference.parse(input);

    assertThat(ref.registry()).isEqualTo(registry);
    assertThat(ref.repository()).isEqualTo(repository);
    assertThat(ref.tag()).isEqualTo(Optional.ofNullable(tag));
    assertThat(ref.digest()).isEmpty();
    assertThat(ref.original()).isEqualTo(input);
    assertThat(ref).hasToString(normalised);
    assertThat(ImageReference.parse(ref.toString())).isEqualTo(withOriginal(ref, ref.toString()));
  }

  @Test
  void parsesDigests() {
    ImageReference ref = ImageReference.parse("alpine@" + SHA256);
    assertThat(ref.repository()).isEqualTo("library/alpine");
    assertThat(ref.tag()).isEmpty();
    assertThat(ref.digest()).contains(SHA256);
    assertThat(ref).hasToString("docker.io/library/alpine@" + SHA256);

    ImageReference both = ImageReference.parse("localhost:5000/x:1.0@" + SHA512);
    assertThat(both.registry()).isEqualTo("localhost:5000");
    assertThat(both.tag()).contains("1.0");
    assertThat(both.digest()).contains(SHA512);
    assertThat(both).hasToString("localhost:5000/x:1.0@" + SHA512);

    assertThat(ImageReference.parse("x@sha384:" + "0".repeat(96)).digest()).isPresent();
  }

  @Test
  void answersQuestionsAboutTheName() {
    ImageReference debian = ImageReference.parse("docker.io/library/debian:12");
    assertThat(debian.familiarName()).isEqualTo("debian");
    assertThat(debian.familiarString()).isEqualTo("debian:12");
    assertThat(debian.name()).isEqualTo("docker.io/library/debian");
    assertThat(debian.isDockerHub()).isTrue();
    assertThat(debian.isOfficialImage()).isTrue();

    ImageReference grafana = ImageReference.parse("grafana/grafana");
    assertThat(grafana.familiarName()).isEqualTo("grafana/grafana");
    assertThat(grafana.isDockerHub()).isTrue();
    assertThat(grafana.isOfficialImage()).isFalse();

    ImageReference deep = ImageReference.parse("library/a/b");
    assertThat(deep.isOfficialImage()).isFalse();
    assertThat(deep.familiarName()).isEqualTo("library/a/b");

    ImageReference ghcr = ImageReference.parse("ghcr.io/owner/app@" + SHA256);
    assertThat(ghcr.familiarName()).isEqualTo("ghcr.io/owner/app");
    assertThat(ghcr.familiarString()).isEqualTo("ghcr.io/owner/app@" + SHA256);
    assertThat(ghcr.isDockerHub()).isFalse();
    assertThat(ghcr.isOfficialImage()).isFalse();
  }

  @Test
  void effectiveTagIsLatestOnlyWhenNeitherTagNorDigestIsGiven() {
    assertThat(ImageReference.parse("debian").effectiveTag()).contains("latest");
    assertThat(ImageReference.parse("debian").hasTag()).isFalse();
    assertThat(ImageReference.parse("debian:12").effectiveTag()).contains("12");
    assertThat(ImageReference.parse("debian:12").hasTag()).isTrue();
    assertThat(ImageReference.parse("debian@" + SHA256).effectiveTag()).isEmpty();
    assertThat(ImageReference.parse("debian@" + SHA256).hasDigest()).isTrue();
    assertThat(ImageReference.parse("debian:12@" + SHA256).effectiveTag()).contains("12");
    assertThat(ImageReference.parse("debian:12").hasDigest()).isFalse();
  }

  @Test
  void scratchIsExactlyScratch() {
    assertThat(ImageReference.isScratch("scratch")).isTrue();
    assertThat(ImageReference.isScratch("SCRATCH")).isFalse();
    assertThat(ImageReference.isScratch("scratch:latest")).isFalse();
    assertThat(ImageReference.isScratch("docker.io/library/scratch")).isFalse();
    assertThat(ImageReference.isScratch(" scratch")).isFalse();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          # input                         | message contains
          ''                              | empty reference
          Debian                          | must be lowercase
          docker.io/Library/debian        | must be lowercase
          localhost:5000/App              | must be lowercase
          debian:                         | invalid tag
          debian:.hidden                  | invalid tag
          debian:-x                       | invalid tag
          debian:a/b                      | 'invalid registry "debian:a"'
          :12                             | no repository name
          @sha256:abc                     | sha256 digest has 3 hex digits
          example.com/                    | no repository name after the registry
          a//b                            | empty path component
          a/                              | empty path component
          /a                              | empty path component
          -a                              | 'invalid path component "-a"'
          a-                              | 'invalid path component "a-"'
          a_                              | invalid path component
          a___b                           | invalid path component
          a..b                            | invalid path component
          a.-b                            | invalid path component
          a b                             | invalid path component
          a/b c                           | invalid path component
          débian                          | invalid path component
          -host.com/a                     | invalid registry
          host-.com/a                     | invalid registry
          host..com/a                     | invalid registry
          a.b_c/x                         | invalid registry
          host.com:port/a                 | invalid registry
          [::1/a                          | invalid registry
          [g::1]:5000/a                   | invalid registry
          debian@                         | expected algorithm:hex
          debian@sha256                   | expected algorithm:hex
          debian@:abc                     | expected algorithm:hex
          debian@sha256:abc               | sha256 digest has 3 hex digits; expected 64
          debian@md5:d41d8cd98f00b204e9800998ecf8427e | 'unsupported digest algorithm "md5"'
          debian@1sha:abcd                | invalid digest algorithm
          debian@sha256:E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855 | not a lower-case hex digit
          e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 | image id
          """)
  void rejectsInvalidReferences(String input, String message) {
    assertThat(ImageReference.tryParse(input)).isEmpty();
    assertThatThrownBy(() -> ImageReference.parse(input))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid image reference \"" + input + "\": ")
        .hasMessageContaining(message);
  }

  @Test
  void rejectsDigestsOfTheWrongLength() {
    assertThatThrownBy(() -> ImageReference.parse("a@sha256:" + "a".repeat(63)))
        .hasMessageContaining("63 hex digits; expected 64");
    assertThatThrownBy(() -> ImageReference.parse("a@sha256:" + "a".repeat(65)))
        .hasMessageContaining("expected 64");
    assertThatThrownBy(() -> ImageReference.parse("a@sha512:" + "a".repeat(64)))
        .hasMessageContaining("expected 128");
  }

  @Test
  void limitsTagLengthTo128() {
    assertThat(ImageReference.parse("a:" + "t".repeat(128)).tag()).contains("t".repeat(128));
    assertThatThrownBy(() -> ImageReference.parse("a:" + "t".repeat(129)))
        .hasMessageContaining("tag is longer than 128 characters");
  }

  @Test
  void limitsNormalisedNameLengthTo255() {
    // docker.io/ (10) + 245 = 255
    String path = "a/" + "b".repeat(243);
    assertThat(ImageReference.parse(path).name()).hasSize(255);
    assertThatThrownBy(() -> ImageReference.parse(path + "b"))
        .hasMessageContaining("name is 256 characters long; at most 255");
    // library/ is added before the limit is checked, as Docker does
    assertThatThrownBy(() -> ImageReference.parse("c".repeat(240)))
        .hasMessageContaining("name is 258 characters long");
  }

  @Test
  void refusesHugeInputQuickly() {
    String huge = "a".repeat(100_000) + "-";
    assertThatThrownBy(() -> ImageReference.parse(huge)).hasMessageContaining("longer than");
    String deep = "host" + ".a-".repeat(300) + "/x";
    assertThat(ImageReference.tryParse(deep)).isEmpty();
  }

  @Test
  void parsesEveryBaseImageOfTheOfficialImagesCorpus() throws IOException {
    Path corpus = shared().resolve("fixtures/dockerfiles/official");
    List<String> checked = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    try (Stream<Path> files = Files.walk(corpus)) {
      for (Path file : files.filter(p -> p.getFileName().toString().equals("Dockerfile")).toList()) {
        if (corpus.relativize(file).startsWith("templates")) {
          continue; // jq templates, not Dockerfiles
        }
        Set<String> stages = new HashSet<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          String[] words = line.strip().split("\\s+");
          if (!words[0].toUpperCase(Locale.ROOT).equals("FROM")) {
            continue;
          }
          int i = 1;
          while (i < words.length && words[i].startsWith("--")) {
            i++;
          }
          String image = words[i];
          if (i + 2 < words.length && words[i + 1].equalsIgnoreCase("AS")) {
            stages.add(words[i + 2].toLowerCase(Locale.ROOT));
          }
          if (image.contains("$") || stages.contains(image) || ImageReference.isScratch(image)) {
            continue; // needs ARG expansion, or is a stage, or is the empty image
          }
          checked.add(image);
          ImageReference.tryParse(image)
              .ifPresentOrElse(
                  ref -> assertThat(ImageReference.parse(ref.toString()).toString())
                      .isEqualTo(ref.toString()),
                  () -> failures.add(corpus.relativize(file) + ": " + line));
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(checked).hasSizeGreaterThan(400);
    assertThat(ImageReference.parse("alpine:3.23").familiarString()).isEqualTo("alpine:3.23");
  }

  private static Path shared() {
    String shared = System.getProperty("stowage.shared");
    assertThat(shared)
        .as("system property stowage.shared (set by the Maven build) names ../shared")
        .isNotNull();
    Path path = Path.of(shared);
    assertThat(path)
        .as("the shared fixtures (../shared beside the checkout, see DESIGN.md) at %s", path)
        .isDirectory();
    return path;
  }

  private static ImageReference withOriginal(ImageReference ref, String original) {
    return new ImageReference(ref.registry(), ref.repository(), ref.tag(), ref.digest(), original);
  }
}
