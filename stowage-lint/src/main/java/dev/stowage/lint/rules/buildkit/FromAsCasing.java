package dev.stowage.lint.rules.buildkit;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Word;
import dev.stowage.lint.Category;
import dev.stowage.lint.Fix;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.Locale;

/**
 * {@code FROM image as name} (or {@code from image AS name}): the {@code AS} keyword does not
 * follow the case of {@code FROM}. A {@code FROM} keyword of mixed case is left to
 * ConsistentInstructionCasing.
 */
@Rule(
    id = "FromAsCasing",
    title = "The 'as' keyword should match the case of the 'from' keyword",
    severity = Severity.WARNING,
    category = Category.MAINTAINABILITY,
    fixable = true)
public final class FromAsCasing implements InstructionRule<Instruction.From> {
  @Override
  public Class<Instruction.From> type() {
    return Instruction.From.class;
  }

  @Override
  public void check(Instruction.From from, RuleContext ctx) {
    if (ctx.inOnbuild() || from.asKeyword().isEmpty()) {
      return;
    }
    String keyword = from.syntax().keyword();
    Word as = from.asKeyword().get();
    String wanted;
    if (keyword.equals(keyword.toLowerCase(Locale.ROOT))) {
      wanted = as.value().toLowerCase(Locale.ROOT);
    } else if (keyword.equals(keyword.toUpperCase(Locale.ROOT))) {
      wanted = as.value().toUpperCase(Locale.ROOT);
    } else {
      return;
    }
    if (!wanted.equals(as.value())) {
      ctx.report(
          as.span(),
          "'" + as.value() + "' and '" + keyword + "' keywords' casing do not match: write '"
              + wanted + "'",
          Fix.replace(as.span(), wanted));
    }
  }
}
