package dev.stowage.lint.rules.buildkit;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.lint.Category;
import dev.stowage.lint.Fix;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.Locale;

/** {@code EXPOSE 80/TCP}: the protocol is written in upper case; BuildKit expects lower case. */
@Rule(
    id = "ExposeProtoCasing",
    title = "Protocol in EXPOSE instruction should be lowercase",
    severity = Severity.WARNING,
    category = Category.MAINTAINABILITY,
    fixable = true)
public final class ExposeProtoCasing implements InstructionRule<Instruction.Expose> {
  @Override
  public Class<Instruction.Expose> type() {
    return Instruction.Expose.class;
  }

  @Override
  public void check(Instruction.Expose expose, RuleContext ctx) {
    if (ctx.inOnbuild()) {
      return;
    }
    for (PortSpecs.PortSpec p : PortSpecs.of(expose, ctx)) {
      String lower = p.proto().toLowerCase(Locale.ROOT);
      if (p.proto().equals(lower)) {
        continue;
      }
      String message =
          "Defined protocol '" + p.raw() + "' in EXPOSE instruction should be lowercase: write '"
              + lower + "'";
      if (p.literal()) {
        String fixed = p.raw().substring(0, p.raw().length() - p.proto().length()) + lower;
        ctx.report(p.word().span(), message, Fix.replace(p.word().span(), fixed));
      } else {
        ctx.report(p.word().span(), message);
      }
    }
  }
}
