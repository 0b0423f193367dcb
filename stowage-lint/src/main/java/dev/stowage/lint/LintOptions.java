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
 * @param severityOverrides per-rule severity
 * @param trustedRegistries registries FROM may use (empty: any)
 * @param requiredLabels label name to schema type ({@code text}, {@code url}, {@code semver}, ...)
 * @param strictLabels whether labels outside {@code requiredLabels} are reported (hadolint's
 *     {@code strict-labels})
 * @param shellcheck whether to run the {@code shellcheck} binary on RUN commands
 * @param contextDir the build context, when known
 * @param build build args, target and platforms for the semantic model
 */
public record LintOptions(
    Set<String> ignored,
    Map<String, Severity> severityOverrides,
    List<String> trustedRegistries,
    Map<String, String> requiredLabels,
    boolean strictLabels,
    boolean shellcheck,
    Optional<Path> contextDir,
    BuildOptions build) {
  public LintOptions {
    ignored = Set.copyOf(ignored);
    severityOverrides = Map.copyOf(severityOverrides);
    trustedRegistries = List.copyOf(trustedRegistries);
    requiredLabels = Map.copyOf(requiredLabels);
  }

  public static LintOptions defaults() {
    return new LintOptions(
        Set.of(), Map.of(), List.of(), Map.of(), false, false, Optional.empty(),
        BuildOptions.defaults());
  }

  public LintOptions withContextDir(Path dir) {
    return new LintOptions(
        ignored, severityOverrides, trustedRegistries, requiredLabels, strictLabels, shellcheck, Optional.of(dir), build);
  }

  public LintOptions withIgnored(Set<String> ids) {
    return new LintOptions(
        ids, severityOverrides, trustedRegistries, requiredLabels, strictLabels, shellcheck, contextDir, build);
  }

  public LintOptions withTrustedRegistries(List<String> registries) {
    return new LintOptions(
        ignored, severityOverrides, registries, requiredLabels, strictLabels, shellcheck, contextDir, build);
  }

  public LintOptions withRequiredLabels(Map<String, String> labels) {
    return new LintOptions(
        ignored, severityOverrides, trustedRegistries, labels, strictLabels, shellcheck, contextDir, build);
  }

  public LintOptions withSeverityOverrides(Map<String, Severity> overrides) {
    return new LintOptions(
        ignored, overrides, trustedRegistries, requiredLabels, strictLabels, shellcheck, contextDir, build);
  }

  public LintOptions withShellcheck(boolean on) {
    return new LintOptions(
        ignored, severityOverrides, trustedRegistries, requiredLabels, strictLabels, on, contextDir, build);
  }

  public LintOptions withStrictLabels(boolean on) {
    return new LintOptions(
        ignored, severityOverrides, trustedRegistries, requiredLabels, on, shellcheck, contextDir, build);
  }
}
