package dev.stowage.lint.rules.maintainability;

import dev.stowage.dockerfile.Flag;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Span;
import dev.stowage.lint.Category;
import dev.stowage.lint.Fix;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.Optional;
import java.util.Set;

/**
 * {@code FROM --platform=$TARGETPLATFORM} says what FROM does anyway: it only adds noise, and
 * readers wonder what it changes.
 */
@Rule(
    id = "DL3065",
    title = "Setting FROM --platform to predefined $TARGETPLATFORM is redundant as this is the default behavior",
    severity = Severity.WARNING,
    category = Category.MAINTAINABILITY,
    fixable = true,
    aliases = {"RedundantTargetPlatform"})
public final class RedundantTargetPlatform implements InstructionRule<Instruction.From> {
  private static final Set<String> DEFAULT = Set.of("$TARGETPLATFORM", "${TARGETPLATFORM}");

  @Override
  public Class<Instruction.From> type() {
    return Instruction.From.class;
  }

  @Override
  public void check(Instruction.From from, RuleContext ctx) {
    Optional<Flag> platform = from.flag("platform");
    if (platform.isEmpty() || !DEFAULT.contains(platform.get().valueOrEmpty().strip())) {
      return;
    }
    Flag flag = platform.get();
    String message =
        "--platform=" + flag.valueOrEmpty() + " is what FROM uses by default; remove the flag.";
    int next =
        from.flags().stream()
            .map(f -> f.span().start())
            .filter(s -> s > flag.span().start())
            .min(Integer::compare)
            .orElse(from.image().map(w -> w.span().start()).orElse(-1));
    boolean sameLine =
        next > 0 && ctx.position(next).line() == ctx.position(flag.span().start()).line();
    if (sameLine && !ctx.inOnbuild()) {
      ctx.report(flag.span(), message, Fix.delete(new Span(flag.span().start(), next)));
    } else {
      ctx.report(flag.span(), message);
    }
  }
}
