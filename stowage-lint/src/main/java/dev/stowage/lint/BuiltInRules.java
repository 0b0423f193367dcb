package dev.stowage.lint;

import dev.stowage.lint.rules.buildkit.ConsistentInstructionCasing;
import dev.stowage.lint.rules.buildkit.ExposeInvalidFormat;
import dev.stowage.lint.rules.buildkit.ExposeProtoCasing;
import dev.stowage.lint.rules.buildkit.FromAsCasing;
import dev.stowage.lint.rules.buildkit.FromPlatformFlagConstDisallowed;
import dev.stowage.lint.rules.buildkit.InvalidDefaultArgInFrom;
import dev.stowage.lint.rules.buildkit.InvalidDefinitionDescription;
import dev.stowage.lint.rules.buildkit.LegacyKeyValueFormat;
import dev.stowage.lint.rules.buildkit.MultipleInstructionsDisallowed;
import dev.stowage.lint.rules.buildkit.NoEmptyContinuation;
import dev.stowage.lint.rules.buildkit.RedundantTargetPlatform;
import dev.stowage.lint.rules.buildkit.ReservedStageName;
import dev.stowage.lint.rules.buildkit.SecretsUsedInArgOrEnv;
import dev.stowage.lint.rules.buildkit.StageNameCasing;
import dev.stowage.lint.rules.buildkit.UndefinedArgInFrom;
import dev.stowage.lint.rules.buildkit.UndefinedVar;
import dev.stowage.lint.rules.correctness.LatestBaseImageTag;
import dev.stowage.lint.rules.correctness.UntaggedBaseImage;
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
    new ConsistentInstructionCasing(),
    new ExposeInvalidFormat(),
    new ExposeProtoCasing(),
    new FromAsCasing(),
    new FromPlatformFlagConstDisallowed(),
    new InvalidDefaultArgInFrom(),
    new InvalidDefinitionDescription(),
    new LegacyKeyValueFormat(),
    new MultipleInstructionsDisallowed(),
    new NoEmptyContinuation(),
    new RedundantTargetPlatform(),
    new ReservedStageName(),
    new SecretsUsedInArgOrEnv(),
    new StageNameCasing(),
    new UndefinedArgInFrom(),
    new UndefinedVar(),
    // --- Stowage ST1xxx build speed and cache, ST2xxx image size ---
    // --- Stowage ST3xxx security, ST4xxx portability, ST5xxx build context ---
    // --- end ---
  };

  public static List<LintRule> all() {
    return List.of(RULES);
  }
}
