package dev.stowage.lint.rules.buildkit;

import dev.stowage.dockerfile.Flag;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Span;
import dev.stowage.dockerfile.lexer.Expansion;
import dev.stowage.dockerfile.lexer.ExpansionException;
import dev.stowage.lint.Category;
import dev.stowage.lint.Fix;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;

/**
 * {@code FROM --platform=$TARGETPLATFORM image}: a stage is built for the target platform anyway,
 * so the flag only adds noise. Reported when {@code TARGETPLATFORM} is the only variable and the
 * value is exactly its value, as BuildKit does; the fix removes the flag.
 */
@Rule(
    id = "RedundantTargetPlatform",
    title = "Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior",
    severity = Severity.WARNING,
    category = Category.MAINTAINABILITY,
    fixable = true)
public final class RedundantTargetPlatform implements InstructionRule<Instruction.From> {
  @Override
  public Class<Instruction.From> type() {
    return Instruction.From.class;
  }

  @Override
  public void check(Instruction.From from, RuleContext ctx) {
    if (ctx.inOnbuild() || from.flag("platform").isEmpty()) {
      return;
    }
    Flag flag = from.flag("platform").get();
    Expansion e;
    try {
      e = ctx.model().globalScope().expandWithMatches(flag.valueOrEmpty());
    } catch (ExpansionException ex) {
      return;
    }
    if (e.matched().size() != 1
        || !e.unmatched().isEmpty()
        || !e.matched().contains("TARGETPLATFORM")
        || !ctx.model().globalScope().lookup("TARGETPLATFORM").orElse("").equals(e.result())) {
      return;
    }
    String source = ctx.dockerfile().source();
    int end = flag.span().end();
    while (end < source.length() && (source.charAt(end) == ' ' || source.charAt(end) == '\t')) {
      end++;
    }
    ctx.report(
        flag.span(),
        "Setting platform to predefined "
            + flag.valueOrEmpty()
            + " in FROM is redundant as this is the default behavior; remove "
            + flag.text(),
        Fix.delete(new Span(flag.span().start(), end)));
  }
}
