package dev.stowage.lint;

import dev.stowage.lint.rules.correctness.AddInsteadOfCopy;
import dev.stowage.lint.rules.correctness.ApkVersionNotPinned;
import dev.stowage.lint.rules.correctness.CopyFromOwnStage;
import dev.stowage.lint.rules.correctness.CopyFromUndefinedStage;
import dev.stowage.lint.rules.correctness.CopyRelativeWithoutWorkdir;
import dev.stowage.lint.rules.correctness.CopyToNonDirectory;
import dev.stowage.lint.rules.correctness.DnfInstallWithoutYes;
import dev.stowage.lint.rules.correctness.DnfVersionNotPinned;
import dev.stowage.lint.rules.correctness.DuplicateStageName;
import dev.stowage.lint.rules.correctness.EnvSelfReference;
import dev.stowage.lint.rules.correctness.GemVersionNotPinned;
import dev.stowage.lint.rules.correctness.InvalidOnbuildTrigger;
import dev.stowage.lint.rules.correctness.JSONArgsRecommended;
import dev.stowage.lint.rules.correctness.LatestBaseImageTag;
import dev.stowage.lint.rules.correctness.UntaggedBaseImage;
import dev.stowage.lint.rules.correctness.YumInstallWithoutYes;
import dev.stowage.lint.rules.correctness.YumVersionNotPinned;
import dev.stowage.lint.rules.correctness.ZypperVersionNotPinned;
import dev.stowage.lint.rules.correctness.ZypperWithoutNonInteractive;
import dev.stowage.lint.rules.maintainability.AptInsteadOfAptGet;
import dev.stowage.lint.rules.maintainability.FromPlatformFlag;
import dev.stowage.lint.rules.maintainability.WgetWithoutProgress;
import dev.stowage.lint.rules.maintainability.ZypperDistUpgrade;
import dev.stowage.lint.rules.security.UntrustedRegistry;
import dev.stowage.lint.rules.size.ApkAddWithoutNoCache;
import dev.stowage.lint.rules.size.DnfCacheNotCleaned;
import dev.stowage.lint.rules.size.PipCacheNotDisabled;
import dev.stowage.lint.rules.size.UseraddHighUidWithoutNoLogInit;
import dev.stowage.lint.rules.size.YumCacheNotCleaned;
import dev.stowage.lint.rules.size.ZypperCacheNotCleaned;
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
    new ApkVersionNotPinned(),
    new ApkAddWithoutNoCache(),
    new AddInsteadOfCopy(),
    new CopyToNonDirectory(),
    new CopyFromUndefinedStage(),
    new CopyFromOwnStage(),
    new DuplicateStageName(),
    new JSONArgsRecommended(),
    new UntrustedRegistry(),
    new AptInsteadOfAptGet(),
    new GemVersionNotPinned(),
    new FromPlatformFlag(),
    new YumInstallWithoutYes(),
    new YumCacheNotCleaned(),
    new YumVersionNotPinned(),
    new ZypperWithoutNonInteractive(),
    new ZypperDistUpgrade(),
    new ZypperCacheNotCleaned(),
    new ZypperVersionNotPinned(),
    new DnfInstallWithoutYes(),
    new DnfCacheNotCleaned(),
    new DnfVersionNotPinned(),
    new PipCacheNotDisabled(),
    new InvalidOnbuildTrigger(),
    new EnvSelfReference(),
    new CopyRelativeWithoutWorkdir(),
    new UseraddHighUidWithoutNoLogInit(),
    new WgetWithoutProgress(),
    // --- hadolint DL3048-DL3067, DL4xxx ---
    // --- BuildKit build checks ---
    // --- Stowage ST1xxx build speed and cache, ST2xxx image size ---
    // --- Stowage ST3xxx security, ST4xxx portability, ST5xxx build context ---
    // --- end ---
  };

  public static List<LintRule> all() {
    return List.of(RULES);
  }
}
