package dev.stowage.lint;

import dev.stowage.lint.rules.correctness.LatestBaseImageTag;
import dev.stowage.lint.rules.correctness.UntaggedBaseImage;
import dev.stowage.lint.rules.performance.CacheBustingArgTooEarly;
import dev.stowage.lint.rules.performance.DependenciesInstalledAfterSourceCopy;
import dev.stowage.lint.rules.performance.IndependentBuildsInOneStage;
import dev.stowage.lint.rules.performance.MissingCacheMount;
import dev.stowage.lint.rules.size.BuildCacheLeftInImage;
import dev.stowage.lint.rules.size.CleanupInLaterLayer;
import dev.stowage.lint.rules.size.DevDependenciesInFinalImage;
import dev.stowage.lint.rules.size.HeavyBaseImage;
import dev.stowage.lint.rules.size.ToolchainInFinalImage;
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
    new DependenciesInstalledAfterSourceCopy(),
    new MissingCacheMount(),
    new CacheBustingArgTooEarly(),
    new IndependentBuildsInOneStage(),
    new ToolchainInFinalImage(),
    new HeavyBaseImage(),
    new CleanupInLaterLayer(),
    new DevDependenciesInFinalImage(),
    new BuildCacheLeftInImage(),
    // --- Stowage ST3xxx security, ST4xxx portability, ST5xxx build context ---
    // --- end ---
  };

  public static List<LintRule> all() {
    return List.of(RULES);
  }
}
