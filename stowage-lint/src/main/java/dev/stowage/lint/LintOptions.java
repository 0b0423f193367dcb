package dev.stowage.lint;

import dev.stowage.dockerfile.model.BuildOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a lint run is asked to do, beyond the Dockerfile itself. Immutable.
 *
 * @param ignored rule ids (or aliases) not to report
 * @param severityOverrides per-rule severity, keyed by rule id or alias
 * @param trustedRegistries registries FROM may use (empty: any)
 * @param requiredLabels label name to schema type ({@code text}, {@code url}, {@code semver}, ...)
 * @param shellcheck whether to run the {@code shellcheck} binary on RUN commands
 * @param contextDir the build context, when known
 * @param build build args, target and platforms for the semantic model
 * @param strictLabels whether labels outside {@code requiredLabels} are reported (hadolint's {@code
 *     strict-labels})
 * @param disableIgnorePragma whether {@code # hadolint ignore=} and {@code # stowage ignore=}
 *     comments are disregarded (hadolint's {@code disable-ignore-pragma})
 * @param images where base images' platforms are looked up ({@link ImagePlatforms#UNKNOWN}: nowhere)
 * @param workingDir the folder a relative Dockerfile name is resolved against when a rule opens a
 *     file beside it (a per-Dockerfile ignore file); empty: the process's working directory
 */
public record LintOptions(
    Set<String> ignored,
    Map<String, Severity> severityOverrides,
    List<String> trustedRegistries,
    Map<String, String> requiredLabels,
    boolean shellcheck,
    Optional<Path> contextDir,
    BuildOptions build,
    boolean strictLabels,
    boolean disableIgnorePragma,
    ImagePlatforms images,
    Optional<Path> workingDir) {
  public LintOptions {
    ignored = Set.copyOf(ignored);
    severityOverrides = Map.copyOf(severityOverrides);
    trustedRegistries = List.copyOf(trustedRegistries);
    requiredLabels = Map.copyOf(requiredLabels);
  }

  /** The options with the process's working directory. */
  public LintOptions(
      Set<String> ignored,
      Map<String, Severity> severityOverrides,
      List<String> trustedRegistries,
      Map<String, String> requiredLabels,
      boolean shellcheck,
      Optional<Path> contextDir,
      BuildOptions build,
      boolean strictLabels,
      boolean disableIgnorePragma) {
    this(
        ignored,
        severityOverrides,
        trustedRegistries,
        requiredLabels,
        shellcheck,
        contextDir,
        build,
        strictLabels,
        disableIgnorePragma,
        ImagePlatforms.UNKNOWN,
        Optional.empty());
  }

  /** The options without {@code strictLabels} and {@code disableIgnorePragma} (both false). */
  public LintOptions(
      Set<String> ignored,
      Map<String, Severity> severityOverrides,
      List<String> trustedRegistries,
      Map<String, String> requiredLabels,
      boolean shellcheck,
      Optional<Path> contextDir,
      BuildOptions build) {
    this(
        ignored,
        severityOverrides,
        trustedRegistries,
        requiredLabels,
        shellcheck,
        contextDir,
        build,
        /* strictLabels= */ false,
        /* disableIgnorePragma= */ false,
        ImagePlatforms.UNKNOWN,
        Optional.empty());
  }

  public static LintOptions defaults() {
    return new LintOptions(
        Set.of(), Map.of(), List.of(), Map.of(), false, Optional.empty(), BuildOptions.defaults());
  }

  public LintOptions withContextDir(Path dir) {
    return new LintOptions(
        ignored,
        severityOverrides,
        trustedRegistries,
        requiredLabels,
        shellcheck,
        Optional.of(dir),
        build,
        strictLabels,
        disableIgnorePragma,
        images,
        workingDir);
  }

  public LintOptions withIgnored(Set<String> ids) {
    return new LintOptions(
        ids,
        severityOverrides,
        trustedRegistries,
        requiredLabels,
        shellcheck,
        contextDir,
        build,
        strictLabels,
        disableIgnorePragma,
        images,
        workingDir);
  }

  public LintOptions withTrustedRegistries(List<String> registries) {
    return new LintOptions(
        ignored,
        severityOverrides,
        registries,
        requiredLabels,
        shellcheck,
        contextDir,
        build,
        strictLabels,
        disableIgnorePragma,
        images,
        workingDir);
  }

  public LintOptions withRequiredLabels(Map<String, String> labels) {
    return new LintOptions(
        ignored,
        severityOverrides,
        trustedRegistries,
        labels,
        shellcheck,
        contextDir,
        build,
        strictLabels,
        disableIgnorePragma,
        images,
        workingDir);
  }

  public LintOptions withSeverityOverrides(Map<String, Severity> overrides) {
    return new LintOptions(
        ignored,
        overrides,
        trustedRegistries,
        requiredLabels,
        shellcheck,
        contextDir,
        build,
        strictLabels,
        disableIgnorePragma,
        images,
        workingDir);
  }

  public LintOptions withShellcheck(boolean on) {
    return new LintOptions(
        ignored,
        severityOverrides,
        trustedRegistries,
        requiredLabels,
        on,
        contextDir,
        build,
        strictLabels,
        disableIgnorePragma,
        images,
        workingDir);
  }

  public LintOptions withBuild(BuildOptions b) {
    return new LintOptions(
        ignored,
        severityOverrides,
        trustedRegistries,
        requiredLabels,
        shellcheck,
        contextDir,
        b,
        strictLabels,
        disableIgnorePragma,
        images,
        workingDir);
  }

  public LintOptions withStrictLabels(boolean on) {
    return new LintOptions(
        ignored,
        severityOverrides,
        trustedRegistries,
        requiredLabels,
        shellcheck,
        contextDir,
        build,
        on,
        disableIgnorePragma,
        images,
        workingDir);
  }

  public LintOptions withDisableIgnorePragma(boolean on) {
    return new LintOptions(
        ignored,
        severityOverrides,
        trustedRegistries,
        requiredLabels,
        shellcheck,
        contextDir,
        build,
        strictLabels,
        on,
        images,
        workingDir);
  }

  public LintOptions withImages(ImagePlatforms lookup) {
    return new LintOptions(
        ignored,
        severityOverrides,
        trustedRegistries,
        requiredLabels,
        shellcheck,
        contextDir,
        build,
        strictLabels,
        disableIgnorePragma,
        lookup,
        workingDir);
  }

  /** These options, resolving a relative Dockerfile name against {@code dir}. */
  public LintOptions withWorkingDir(Path dir) {
    return new LintOptions(
        ignored,
        severityOverrides,
        trustedRegistries,
        requiredLabels,
        shellcheck,
        contextDir,
        build,
        strictLabels,
        disableIgnorePragma,
        images,
        Optional.of(dir));
  }
}
