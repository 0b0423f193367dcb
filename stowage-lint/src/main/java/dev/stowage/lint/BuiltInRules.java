package dev.stowage.lint;

import dev.stowage.lint.rules.correctness.AptInstallWithoutYes;
import dev.stowage.lint.rules.correctness.AptPackageNotPinned;
import dev.stowage.lint.rules.correctness.ExposedPortOutOfRange;
import dev.stowage.lint.rules.correctness.IrrelevantShellCommand;
import dev.stowage.lint.rules.correctness.LatestBaseImageTag;
import dev.stowage.lint.rules.correctness.MultipleHealthchecks;
import dev.stowage.lint.rules.correctness.NpmPackageNotPinned;
import dev.stowage.lint.rules.correctness.PipPackageNotPinned;
import dev.stowage.lint.rules.correctness.UntaggedBaseImage;
import dev.stowage.lint.rules.correctness.WorkdirRelativePath;
import dev.stowage.lint.rules.maintainability.CdInsteadOfWorkdir;
import dev.stowage.lint.rules.maintainability.InlineIgnorePragma;
import dev.stowage.lint.rules.security.LastUserIsRoot;
import dev.stowage.lint.rules.security.SudoInRun;
import dev.stowage.lint.rules.size.AptInstallRecommends;
import dev.stowage.lint.rules.size.AptListsNotDeleted;
import dev.stowage.lint.rules.size.ArchiveExtractedAfterCopy;
import java.util.List;

/**
 * The explicit list of Stowage's rules, in id order within each block. No classpath scanning: a
 * new rule is one line here (RuleCatalogTest checks every @Rule class is listed).
 */
public final class BuiltInRules {
  private BuiltInRules() {}

  private static final LintRule[] RULES = {
    // --- hadolint DL1xxx, DL3000-DL3017 ---
    new InlineIgnorePragma(),
    new WorkdirRelativePath(),
    new IrrelevantShellCommand(),
    new LastUserIsRoot(),
    new CdInsteadOfWorkdir(),
    new SudoInRun(),
    new UntaggedBaseImage(),
    new LatestBaseImageTag(),
    new AptPackageNotPinned(),
    new AptListsNotDeleted(),
    new ArchiveExtractedAfterCopy(),
    new ExposedPortOutOfRange(),
    new MultipleHealthchecks(),
    new PipPackageNotPinned(),
    new AptInstallWithoutYes(),
    new AptInstallRecommends(),
    new NpmPackageNotPinned(),
    // --- hadolint DL3018-DL3047 ---
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
