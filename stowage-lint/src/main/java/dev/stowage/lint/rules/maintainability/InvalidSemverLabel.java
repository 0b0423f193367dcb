package dev.stowage.lint.rules.maintainability;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.regex.Pattern;

/** A version label that is no semantic version cannot be ordered, so nobody can tell which image is newer. */
@Rule(
    id = "DL3056",
    title = "Label does not conform to semantic versioning",
    severity = Severity.WARNING,
    category = Category.MAINTAINABILITY)
public final class InvalidSemverLabel implements InstructionRule<Instruction.Label> {
  @Override
  public Class<Instruction.Label> type() {
    return Instruction.Label.class;
  }

  @Override
  public void check(Instruction.Label label, RuleContext ctx) {
    Labels.checkValues(label, ctx, "semver", InvalidSemverLabel::isValid, "a semantic version such as 1.4.2 (semver.org)");
  }

  private static final String NUM = "(?:0|[1-9]\\d*)";
  private static final String ID = "(?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)";
  private static final Pattern SEMVER =
      Pattern.compile(
          NUM + "\\." + NUM + "\\." + NUM
              + "(?:-" + ID + "(?:\\." + ID + ")*)?"
              + "(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");

  /** Semantic Versioning 2.0.0: MAJOR.MINOR.PATCH, optional pre-release and build metadata. */
  static boolean isValid(String value) {
    return SEMVER.matcher(value).matches();
  }
}
