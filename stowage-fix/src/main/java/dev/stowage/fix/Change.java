package dev.stowage.fix;

/**
 * One repair the fixer applied. Immutable.
 *
 * @param rule the rule id, e.g. {@code DL3015}
 * @param line the 1-based line of the finding in the original file (for a finding that only
 *     appeared after an earlier repair, the original line its text comes from)
 * @param message the finding: what was wrong there
 * @param reason the rule's title: why it matters in general
 * @param effect the estimated effect of the repair on the build or the image
 */
public record Change(String rule, int line, String message, String reason, String effect) {}
