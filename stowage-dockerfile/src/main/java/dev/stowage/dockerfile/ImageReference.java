package dev.stowage.dockerfile;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A container image reference such as {@code debian:12}, {@code ghcr.io/o/app@sha256:…} or
 * {@code localhost:5000/x}, normalised as Docker normalises it.
 *
 * <p>Grammar: distribution/reference ({@code reference.go}); normalisation: its {@code
 * ParseNormalizedNamed} ({@code normalize.go}). A reference without a registry is on Docker
 * Hub ({@code docker.io}; the legacy {@code index.docker.io} is rewritten to it), and a
 * one-component Docker Hub name gets the {@code library/} prefix. The first path component is
 * a registry when it contains {@code .} or {@code :}, is {@code localhost}, or has an
 * upper-case letter. Digests must use an algorithm Docker accepts (sha256, sha384, sha512)
 * with the right number of lower-case hex digits.
 *
 * <p>Immutable and thread-safe. {@link #parse} throws {@link IllegalArgumentException} naming
 * what is wrong; {@link #tryParse} returns empty instead.
 *
 * @param registry the registry host, with its port if any, e.g. {@code docker.io}, {@code
 *     localhost:5000}, {@code [::1]:5000}
 * @param repository the path in the registry, e.g. {@code library/debian}
 * @param tag the tag, if the reference names one
 * @param digest the digest ({@code algorithm:hex}), if the reference names one
 * @param original the text the reference was parsed from
 */
public record ImageReference(
    String registry,
    String repository,
    Optional<String> tag,
    Optional<String> digest,
    String original) {

  /** Docker Hub's canonical registry name. */
  public static final String DOCKER_HUB = "docker.io";

  /** The tag Docker pulls when a reference names neither tag nor digest. */
  public static final String DEFAULT_TAG = "latest";

  /** BuildKit's name for the empty base image ({@code FROM scratch}). */
  public static final String SCRATCH = "scratch";

  private static final String LEGACY_DOCKER_HUB = "index.docker.io";
  private static final String OFFICIAL_PREFIX = "library/";
  private static final int NAME_MAX = 255;
  // Longer than any valid reference (255 + tag 128 + sha512 digest 135 + separators); refusing
  // earlier keeps the regular expressions' work bounded on hostile input.
  private static final int INPUT_MAX = 1024;

  // reference.go: path-component := alpha-numeric [separator alpha-numeric]*,
  // separator := [_.] | __ | [-]+ ; components joined by '/'.
  private static final Pattern PATH_COMPONENT =
      Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
  // host := domain-name | '[' IPv6 ']' ; domain := host [':' port-number]
  private static final Pattern DOMAIN =
      Pattern.compile(
          "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*"
              + "|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
  private static final Pattern DIGEST_ALGORITHM =
      Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[+.\\-_][A-Za-z][A-Za-z0-9]*)*");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-f0-9]{64}");

  /** Validates the components; {@link #parse} is the usual way to make one. */
  public ImageReference {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(original, "original");
    if (registry.isEmpty() || repository.isEmpty()) {
      throw new IllegalArgumentException("registry and repository must not be empty");
    }
  }

  /**
   * Parses and normalises {@code text}.
   *
   * @throws IllegalArgumentException if {@code text} is not a valid reference; the message says
   *     what is wrong, e.g. {@code invalid image reference "Debian": repository name must be
   *     lowercase}
   */
  public static ImageReference parse(String text) {
    Result result = parseOrExplain(text);
    ImageReference reference = result.reference();
    if (reference == null) {
      throw new IllegalArgumentException(
          "invalid image reference \"" + text + "\": " + result.problem());
    }
    return reference;
  }

  /** Parses and normalises {@code text}, or returns empty if it is not a valid reference. */
  public static Optional<ImageReference> tryParse(String text) {
    return Optional.ofNullable(parseOrExplain(text).reference());
  }

  /**
   * Whether {@code text} names the empty base image. Exactly {@code scratch}, as BuildKit
   * compares it (after variable expansion; {@code SCRATCH} or {@code docker.io/library/scratch}
   * would be pulled, and fail).
   */
  public static boolean isScratch(String text) {
    return SCRATCH.equals(text);
  }

  /** Either a reference or why there is none. */
  private record Result(@Nullable ImageReference reference, @Nullable String problem) {
    static Result ok(ImageReference reference) {
      return new Result(reference, null);
    }

    static Result error(String problem) {
      return new Result(null, problem);
    }
  }

  private static Result parseOrExplain(String text) {
    if (text.isEmpty()) {
      return Result.error("empty reference");
    }
    if (text.length() > INPUT_MAX) {
      return Result.error("longer than " + INPUT_MAX + " characters");
    }
    if (IDENTIFIER.matcher(text).matches()) {
      return Result.error("a 64-character hexadecimal string is an image id, not a repository name");
    }

    String rest = text;
    Optional<String> digest = Optional.empty();
    int at = rest.indexOf('@');
    if (at >= 0) {
      String problem = digestProblem(rest.substring(at + 1));
      if (problem != null) {
        return Result.error(problem);
      }
      digest = Optional.of(rest.substring(at + 1));
      rest = rest.substring(0, at);
    }

    Optional<String> tag = Optional.empty();
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      String t = rest.substring(colon + 1);
      if (t.length() > 128) {
        return Result.error("tag is longer than 128 characters");
      }
      if (!TAG.matcher(t).matches()) {
        return Result.error(
            "invalid tag \"" + t + "\" (letters, digits, '_', '.', '-'; not starting with '.' or '-')");
      }
      tag = Optional.of(t);
      rest = rest.substring(0, colon);
    }
    if (rest.isEmpty()) {
      return Result.error("no repository name");
    }

    // normalize.go splitDockerDomain
    String registry = DOCKER_HUB;
    String path = rest;
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      String first = rest.substring(0, slash);
      if (first.equals("localhost")
          || first.equals(LEGACY_DOCKER_HUB)
          || first.indexOf('.') >= 0
          || first.indexOf(':') >= 0
          || !first.toLowerCase(Locale.ROOT).equals(first)) {
        registry = first.equals(LEGACY_DOCKER_HUB) ? DOCKER_HUB : first;
        path = rest.substring(slash + 1);
      }
    }
    if (!DOMAIN.matcher(registry).matches()) {
      return Result.error("invalid registry \"" + registry + "\"");
    }
    if (!path.toLowerCase(Locale.ROOT).equals(path)) {
      return Result.error("repository name must be lowercase");
    }
    if (path.isEmpty()) {
      return Result.error("no repository name after the registry");
    }
    for (String component : path.split("/", -1)) {
      if (!PATH_COMPONENT.matcher(component).matches()) {
        return Result.error(
            component.isEmpty()
                ? "empty path component in \"" + path + "\""
                : "invalid path component \""
                    + component
                    + "\" (lower-case letters and digits, separated by '.', '_', '__' or '-')");
      }
    }
    if (registry.equals(DOCKER_HUB) && path.indexOf('/') < 0) {
      path = OFFICIAL_PREFIX + path;
    }
    int nameLength = registry.length() + 1 + path.length();
    if (nameLength > NAME_MAX) {
      return Result.error(
          "name is " + nameLength + " characters long; at most " + NAME_MAX + " are allowed");
    }
    return Result.ok(new ImageReference(registry, path, tag, digest, text));
  }

  /** Why {@code digest} is not one Docker accepts, or null if it is. */
  private static @Nullable String digestProblem(String digest) {
    int colon = digest.indexOf(':');
    if (colon <= 0) {
      return "invalid digest \"" + digest + "\" (expected algorithm:hex)";
    }
    String algorithm = digest.substring(0, colon);
    String hex = digest.substring(colon + 1);
    if (!DIGEST_ALGORITHM.matcher(algorithm).matches()) {
      return "invalid digest algorithm \"" + algorithm + "\"";
    }
    int expected =
        switch (algorithm) {
          case "sha256" -> 64;
          case "sha384" -> 96;
          case "sha512" -> 128;
          default -> -1;
        };
    if (expected < 0) {
      return "unsupported digest algorithm \"" + algorithm + "\" (sha256, sha384 or sha512)";
    }
    for (int i = 0; i < hex.length(); i++) {
      char c = hex.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return "invalid " + algorithm + " digest: '" + c + "' is not a lower-case hex digit";
      }
    }
    if (hex.length() != expected) {
      return algorithm
          + " digest has "
          + hex.length()
          + " hex digits; expected "
          + expected;
    }
    return null;
  }

  /** Registry and repository, e.g. {@code docker.io/library/debian}. */
  public String name() {
    return registry + "/" + repository;
  }

  /** The name as {@code docker} shows it, e.g. {@code debian}, {@code grafana/grafana}. */
  public String familiarName() {
    if (!isDockerHub()) {
      return name();
    }
    return isOfficialImage() ? repository.substring(OFFICIAL_PREFIX.length()) : repository;
  }

  /** The reference as {@code docker} shows it, e.g. {@code debian:12}. */
  public String familiarString() {
    return familiarName() + suffix();
  }

  /** Whether the image is on Docker Hub. */
  public boolean isDockerHub() {
    return registry.equals(DOCKER_HUB);
  }

  /** Whether the image is a Docker Hub official image ({@code docker.io/library/…}). */
  public boolean isOfficialImage() {
    return isDockerHub()
        && repository.startsWith(OFFICIAL_PREFIX)
        && repository.indexOf('/', OFFICIAL_PREFIX.length()) < 0;
  }

  public boolean hasTag() {
    return tag.isPresent();
  }

  public boolean hasDigest() {
    return digest.isPresent();
  }

  /**
   * The tag Docker would pull: the tag if one is given, {@code latest} if neither tag nor
   * digest is, and empty if only a digest is (the digest alone selects the image).
   */
  public Optional<String> effectiveTag() {
    if (tag.isPresent()) {
      return tag;
    }
    return digest.isPresent() ? Optional.empty() : Optional.of(DEFAULT_TAG);
  }

  /**
   * The fully qualified normalised form, e.g. {@code docker.io/library/debian:12}; a reference
   * with neither tag nor digest stays without one ({@code docker.io/library/debian}).
   */
  @Override
  public String toString() {
    return name() + suffix();
  }

  private String suffix() {
    return tag.map(t -> ":" + t).orElse("") + digest.map(d -> "@" + d).orElse("");
  }
}
