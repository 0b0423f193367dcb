package dev.stowage.lint.rules.size;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Word;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;

/**
 * {@code COPY --from=stage / /} copies the whole root file system of another stage, compilers and
 * caches included, over this one: the image doubles and the stage split buys nothing.
 */
@Rule(
    id = "DL3067",
    title = "Do not copy an entire filesystem from another stage",
    severity = Severity.WARNING,
    category = Category.SIZE)
public final class CopyWholeFilesystem implements InstructionRule<Instruction.Copy> {
  @Override
  public Class<Instruction.Copy> type() {
    return Instruction.Copy.class;
  }

  @Override
  public void check(Instruction.Copy copy, RuleContext ctx) {
    if (copy.from().isEmpty() || copy.destination().map(w -> !isRoot(w)).orElse(true)) {
      return;
    }
    for (Word src : copy.sources()) {
      if (isRoot(src)) {
        ctx.report(
            src.span(),
            "COPY --from=" + copy.from().get() + " / / copies that stage's entire file system; copy only"
                + " the paths you need.");
        return;
      }
    }
  }

  private static boolean isRoot(Word w) {
    String v = w.value();
    if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
      v = v.substring(1, v.length() - 1);
    }
    return v.equals("/") || v.equals("/.");
  }
}
