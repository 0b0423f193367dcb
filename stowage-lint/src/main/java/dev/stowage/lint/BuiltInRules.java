package dev.stowage.lint;

import dev.stowage.lint.rules.correctness.InstructionBeforeFrom;
import dev.stowage.lint.rules.buildkit.ConsistentInstructionCasing;
import dev.stowage.lint.rules.buildkit.ExposeInvalidFormat;
import dev.stowage.lint.rules.buildkit.ExposeProtoCasing;
import dev.stowage.lint.rules.buildkit.FromAsCasing;
import dev.stowage.lint.rules.buildkit.FromPlatformFlagConstDisallowed;
import dev.stowage.lint.rules.buildkit.InvalidDefaultArgInFrom;
import dev.stowage.lint.rules.buildkit.InvalidDefinitionDescription;
import dev.stowage.lint.rules.buildkit.LegacyKeyValueFormat;
import dev.stowage.lint.rules.buildkit.NoEmptyContinuation;
import dev.stowage.lint.rules.buildkit.SecretsUsedInArgOrEnv;
import dev.stowage.lint.rules.buildkit.StageNameCasing;
import dev.stowage.lint.rules.buildkit.UndefinedArgInFrom;
import dev.stowage.lint.rules.buildkit.UndefinedVar;
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
import dev.stowage.lint.rules.correctness.MissingHealthcheck;
import dev.stowage.lint.rules.correctness.MultipleCmd;
import dev.stowage.lint.rules.correctness.MultipleEntrypoint;
import dev.stowage.lint.rules.correctness.PipeWithoutPipefail;
import dev.stowage.lint.rules.correctness.ShellChangedWithLn;
import dev.stowage.lint.rules.correctness.StageNamedReservedWord;
import dev.stowage.lint.rules.correctness.UnpinnedGoPackage;
import dev.stowage.lint.rules.correctness.UntaggedBaseImage;
import dev.stowage.lint.rules.maintainability.EmptyLabel;
import dev.stowage.lint.rules.maintainability.InvalidEmailLabel;
import dev.stowage.lint.rules.maintainability.InvalidGitHashLabel;
import dev.stowage.lint.rules.maintainability.InvalidLabelKey;
import dev.stowage.lint.rules.maintainability.InvalidLicenseLabel;
import dev.stowage.lint.rules.maintainability.InvalidSemverLabel;
import dev.stowage.lint.rules.maintainability.InvalidTimeLabel;
import dev.stowage.lint.rules.maintainability.InvalidUrlLabel;
import dev.stowage.lint.rules.maintainability.MaintainerDeprecated;
import dev.stowage.lint.rules.maintainability.MissingRequiredLabel;
import dev.stowage.lint.rules.maintainability.RedundantTargetPlatform;
import dev.stowage.lint.rules.maintainability.SuperfluousLabel;
import dev.stowage.lint.rules.performance.ConsecutiveRunInstructions;
import dev.stowage.lint.rules.security.NonNumericUser;
import dev.stowage.lint.rules.size.CopyWholeFilesystem;
import dev.stowage.lint.rules.size.WgetAndCurl;
import dev.stowage.lint.rules.size.YarnCacheNotCleaned;
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
    new InvalidLabelKey(),
    new MissingRequiredLabel(),
    new SuperfluousLabel(),
    new EmptyLabel(),
    new InvalidUrlLabel(),
    new InvalidTimeLabel(),
    new InvalidLicenseLabel(),
    new InvalidGitHashLabel(),
    new InvalidSemverLabel(),
    new MissingHealthcheck(),
    new InvalidEmailLabel(),
    new ConsecutiveRunInstructions(),
    new YarnCacheNotCleaned(),
    new InstructionBeforeFrom(),
    new UnpinnedGoPackage(),
    new StageNamedReservedWord(),
    new RedundantTargetPlatform(),
    new NonNumericUser(),
    new CopyWholeFilesystem(),
    new MaintainerDeprecated(),
    new WgetAndCurl(),
    new MultipleCmd(),
    new MultipleEntrypoint(),
    new ShellChangedWithLn(),
    new PipeWithoutPipefail(),
    // --- BuildKit build checks ---
    new ConsistentInstructionCasing(),
    new ExposeInvalidFormat(),
    new ExposeProtoCasing(),
    new FromAsCasing(),
    new FromPlatformFlagConstDisallowed(),
    new InvalidDefaultArgInFrom(),
    new InvalidDefinitionDescription(),
    new LegacyKeyValueFormat(),
    new NoEmptyContinuation(),
    new SecretsUsedInArgOrEnv(),
    new StageNameCasing(),
    new UndefinedArgInFrom(),
    new UndefinedVar(),
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
