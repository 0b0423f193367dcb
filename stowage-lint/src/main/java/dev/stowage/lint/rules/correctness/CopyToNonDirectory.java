package dev.stowage.lint.rules.correctness;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Word;
import dev.stowage.lint.Category;
import dev.stowage.lint.Fix;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.Optional;

/**
 * COPY (and ADD) with several sources fails the build unless the destination is a directory written
 * with a trailing {@code /}.
 */
@Rule(
    id = "DL3021",
    title = "COPY with more than 2 arguments requires the last argument to end with /",
    severity = Severity.ERROR,
    category = Category.CORRECTNESS,
    fixable = true)
public final class CopyToNonDirectory implements InstructionRule<Instruction.FileTransfer> {
  @Override
  public Class<Instruction.FileTransfer> type() {
    return Instruction.FileTransfer.class;
  }

  @Override
  public void check(Instruction.FileTransfer copy, RuleContext ctx) {
    Optional<Word> dest = copy.destination();
    if (copy.sources().size() < 2 || dest.isEmpty()) {
      return;
    }
    String raw = unquote(dest.get().value());
    String expanded = unquote(ctx.scope().expandOrRaw(dest.get().value()));
    if (raw.endsWith("/") || expanded.endsWith("/") || raw.endsWith("\\")) {
      return;
    }
    String message =
        copy.name()
            + " with "
            + copy.sources().size()
            + " sources needs a directory destination"
            + " ending with /: write "
            + raw
            + "/";
    if (copy.syntax().json()
        || raw.length() != dest.get().value().length()
        || !ctx.dockerfile().text(dest.get().span()).equals(dest.get().value())) {
      ctx.report(dest.get().span(), message);
    } else {
      ctx.report(dest.get().span(), message, Fix.insertBefore(dest.get().span().end(), "/"));
    }
  }

  private static String unquote(String s) {
    if (s.length() >= 2
        && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }
}
