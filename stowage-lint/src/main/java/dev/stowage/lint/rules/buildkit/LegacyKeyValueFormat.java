package dev.stowage.lint.rules.buildkit;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Span;
import dev.stowage.dockerfile.Word;
import dev.stowage.lint.Category;
import dev.stowage.lint.Edit;
import dev.stowage.lint.Fix;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code ENV key value} or {@code LABEL key value}: the legacy form takes the whole rest of the
 * line as the value, so it cannot set several variables and reads ambiguously. The fix writes
 * {@code key=value}, quoting the value when it holds white space and no quotes or escapes.
 */
@Rule(
    id = "LegacyKeyValueFormat",
    title = "Legacy key/value format with whitespace separator should not be used",
    severity = Severity.WARNING,
    category = Category.MAINTAINABILITY,
    fixable = true)
public final class LegacyKeyValueFormat implements InstructionRule<Instruction> {
  @Override
  public Class<Instruction> type() {
    return Instruction.class;
  }

  @Override
  public void check(Instruction ins, RuleContext ctx) {
    if (!(ins instanceof Instruction.Env || ins instanceof Instruction.Label)
        || !ins.syntax().legacyKeyValue()
        || ins.args().size() != 2) {
      return;
    }
    Word key = ins.args().get(0);
    Word value = ins.args().get(1);
    String name = ins.syntax().keyword().toUpperCase(Locale.ROOT);
    String message =
        "\""
            + name
            + " key=value\" should be used instead of legacy \""
            + name
            + " key value\" format: write "
            + name
            + " "
            + key.value()
            + "=...";
    fix(ctx, key, value)
        .ifPresentOrElse(
            f -> ctx.report(key.span().union(value.span()), message, f),
            () -> ctx.report(key.span().union(value.span()), message));
  }

  private static Optional<Fix> fix(RuleContext ctx, Word key, Word value) {
    String source = ctx.dockerfile().source();
    Span gap = new Span(key.span().end(), value.span().start());
    if (!source.substring(gap.start(), gap.end()).matches("[ \\t]+")) {
      return Optional.empty();
    }
    char escape = ctx.dockerfile().directives().escape();
    String v = value.value();
    if (!hasUnquotedBlank(v, escape)) {
      return Optional.of(Fix.replace(gap, "="));
    }
    boolean plain =
        v.indexOf('"') < 0
            && v.indexOf('\'') < 0
            && v.indexOf('\\') < 0
            && v.indexOf(escape) < 0
            && source.substring(value.span().start(), value.span().end()).equals(v);
    if (!plain) {
      return Optional.empty();
    }
    return Optional.of(
        new Fix(
            List.of(
                new Edit(gap, "=\""),
                new Edit(new Span(value.span().end(), value.span().end()), "\""))));
  }

  private static boolean hasUnquotedBlank(String v, char escape) {
    char quote = 0;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (quote == 0) {
        if (c == escape) {
          i++;
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (Character.isWhitespace(c)) {
          return true;
        }
      } else if (c == quote) {
        quote = 0;
      } else if (c == escape && quote == '"') {
        i++;
      }
    }
    // An unterminated quote cannot be rewritten safely either.
    return quote != 0;
  }
}
