package dev.stowage.lint.rules.maintainability;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.regex.Pattern;

/** A revision label that is no commit hash cannot lead back to the source the image was built from. */
@Rule(
    id = "DL3055",
    title = "Label is not a valid git hash",
    severity = Severity.WARNING,
    category = Category.MAINTAINABILITY)
public final class InvalidGitHashLabel implements InstructionRule<Instruction.Label> {
  @Override
  public Class<Instruction.Label> type() {
    return Instruction.Label.class;
  }

  @Override
  public void check(Instruction.Label label, RuleContext ctx) {
    Labels.checkValues(label, ctx, "hash", InvalidGitHashLabel::isValid, "a git commit hash (7 to 40 hex digits, or 64 for SHA-256 repositories)");
  }

  private static final Pattern HASH = Pattern.compile("[0-9a-f]{7,40}|[0-9a-f]{64}");

  /** A full or abbreviated commit id, lower-case as git prints it. */
  static boolean isValid(String value) {
    return HASH.matcher(value).matches();
  }
}
