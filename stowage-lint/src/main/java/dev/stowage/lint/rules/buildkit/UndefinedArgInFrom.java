package dev.stowage.lint.rules.buildkit;

import dev.stowage.dockerfile.Flag;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Span;
import dev.stowage.dockerfile.lexer.Expansion;
import dev.stowage.dockerfile.lexer.ExpansionException;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.Set;

/**
 * A FROM image or {@code --platform} that references a variable no global ARG declares (and that
 * is not a built-in such as {@code TARGETPLATFORM}): it silently expands to nothing. Suggests a
 * declared name within edit distance 2, as BuildKit does.
 */
@Rule(
    id = "UndefinedArgInFrom",
    title = "FROM command must use declared ARGs",
    severity = Severity.WARNING,
    category = Category.CORRECTNESS)
public final class UndefinedArgInFrom implements InstructionRule<Instruction.From> {
  @Override
  public Class<Instruction.From> type() {
    return Instruction.From.class;
  }

  @Override
  public void check(Instruction.From from, RuleContext ctx) {
    if (ctx.inOnbuild()) {
      return;
    }
    Set<String> declared = GlobalArgs.names(ctx.model());
    from.image().ifPresent(w -> check(w.value(), w.span(), declared, ctx));
    from.flag("platform").ifPresent((Flag f) -> check(f.valueOrEmpty(), f.span(), declared, ctx));
  }

  private static void check(String word, Span span, Set<String> declared, RuleContext ctx) {
    Expansion e;
    try {
      e = ctx.model().globalScope().expandWithMatches(word);
    } catch (ExpansionException ex) {
      return;
    }
    for (String name : e.unmatched()) {
      if (!declared.contains(name)) {
        ctx.report(
            span,
            "FROM argument '"
                + name
                + "' is not declared"
                + Suggestions.closest(name, declared).map(s -> " (did you mean " + s + "?)").orElse("")
                + "; declare it with ARG before the first FROM");
      }
    }
  }
}
