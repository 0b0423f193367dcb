package dev.stowage.lint.rules.maintainability;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.lint.Category;
import dev.stowage.lint.Fix;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;

/**
 * MAINTAINER is deprecated: it sets a field no tool reads any more. The OCI label {@code
 * org.opencontainers.image.authors} carries the same information where registries and scanners
 * look for it.
 */
@Rule(
    id = "DL4000",
    title = "MAINTAINER is deprecated",
    severity = Severity.ERROR,
    category = Category.MAINTAINABILITY,
    fixable = true,
    aliases = {"MaintainerDeprecated"})
public final class MaintainerDeprecated implements InstructionRule<Instruction.Maintainer> {
  @Override
  public Class<Instruction.Maintainer> type() {
    return Instruction.Maintainer.class;
  }

  @Override
  public void check(Instruction.Maintainer ins, RuleContext ctx) {
    String message =
        "MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors=\"...\" instead.";
    String who = ins.syntax().rest().strip();
    if (ctx.inOnbuild() || ins.line() != ins.endLine() || who.isEmpty()) {
      ctx.report(ins, message);
      return;
    }
    String keyword = ins.syntax().keyword().equals("maintainer") ? "label" : "LABEL";
    char escape = ctx.dockerfile().directives().escape();
    ctx.report(
        ins,
        message,
        Fix.replace(
            ins.span(), keyword + " org.opencontainers.image.authors=" + quote(who, escape)));
  }

  /** A double-quoted LABEL value that reads back as {@code text}: escapes ", $ and the escape char. */
  static String quote(String text, char escape) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '$' || c == escape) {
        out.append(escape);
      }
      out.append(c);
    }
    return out.append('"').toString();
  }
}
