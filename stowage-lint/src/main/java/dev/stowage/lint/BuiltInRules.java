package dev.stowage.lint;

import dev.stowage.lint.rules.context.DockerignoreMissesItems;
import dev.stowage.lint.rules.context.MissingDockerignore;
import dev.stowage.lint.rules.correctness.LatestBaseImageTag;
import dev.stowage.lint.rules.correctness.UntaggedBaseImage;
import dev.stowage.lint.rules.portability.HardcodedArchitecture;
import dev.stowage.lint.rules.security.BaseImageNotPinned;
import dev.stowage.lint.rules.security.CurlPipedIntoShell;
import dev.stowage.lint.rules.security.FinalStageRunsAsRoot;
import dev.stowage.lint.rules.security.RemoteAddWithoutChecksum;
import dev.stowage.lint.rules.security.SecretFileCopied;
import dev.stowage.lint.rules.security.WorldWritablePermissions;
import java.util.List;

/**
 * The explicit list of Stowage's rules, in id order within each block. No classpath scanning: a
 * new rule is one line here (RuleCatalogTest checks every @Rule class is listed).
 */
public final class BuiltInRules {
  private BuiltInRules() {}

  private static final LintRule[] RULES = {
    // --- hadolint DL1xxx, DL3000-DL3017 ---
    new UntaggedBaseImage(),
    new LatestBaseImageTag(),
    // --- hadolint DL3018-DL3047 ---
    // --- hadolint DL3048-DL3067, DL4xxx ---
    // --- BuildKit build checks ---
    // --- Stowage ST1xxx build speed and cache, ST2xxx image size ---
    // --- Stowage ST3xxx security, ST4xxx portability, ST5xxx build context ---
    new FinalStageRunsAsRoot(),
    new SecretFileCopied(),
    new CurlPipedIntoShell(),
    new RemoteAddWithoutChecksum(),
    new BaseImageNotPinned(),
    new WorldWritablePermissions(),
    new HardcodedArchitecture(),
    new MissingDockerignore(),
    new DockerignoreMissesItems(),
    // --- end ---
  };

  public static List<LintRule> all() {
    return List.of(RULES);
  }
}
