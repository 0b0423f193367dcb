package dev.stowage.lint;

import dev.stowage.lint.rules.correctness.LatestBaseImageTag;
import dev.stowage.lint.rules.correctness.UntaggedBaseImage;
import java.util.List;

/**
 * The explicit list of Stowage's rules, in id order within each block. No classpath scanning: a
 * new rule is one line here (RuleCatalogTest checks every @Rule class is listed).
 */
public final class BuiltInRules {
  private BuiltInRules() {}

  public static List<LintRule> all() {
    return List.of(
        // --- hadolint DL1xxx-DL3xxx ---
        new UntaggedBaseImage(),
        new LatestBaseImageTag()
        // --- hadolint DL4xxx ---
        // --- BuildKit build checks ---
        // --- Stowage ST1xxx build speed and cache ---
        // --- Stowage ST2xxx image size ---
        // --- Stowage ST3xxx security ---
        // --- Stowage ST4xxx correctness and portability ---
        // --- Stowage ST5xxx build context ---
        );
  }
}
