package dev.stowage.lint.rules.buildkit;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Span;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.lint.Category;
import dev.stowage.lint.DockerfileRule;
import dev.stowage.lint.Fix;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Instruction keywords in a mix of cases. As BuildKit does, the keywords of the stages (FROM and
 * the instructions after it; ARGs before the first FROM are not counted) vote: lower case wins
 * only with a strict majority, and every keyword not in the winning case is reported, including
 * keywords of mixed case such as {@code Run}.
 */
@Rule(
    id = "ConsistentInstructionCasing",
    title = "All commands within the Dockerfile should use the same casing (either upper or lower)",
    severity = Severity.WARNING,
    category = Category.MAINTAINABILITY,
    fixable = true)
public final class ConsistentInstructionCasing implements DockerfileRule {
  @Override
  public void check(RuleContext ctx) {
    List<Instruction> all = new ArrayList<>();
    for (Stage s : ctx.model().stages()) {
      all.add(s.from());
      // Unknown keywords make BuildKit reject the file before its checks run.
      s.instructions().stream().filter(i -> !(i instanceof Instruction.Unknown)).forEach(all::add);
    }
    int lower = 0;
    int upper = 0;
    for (Instruction ins : all) {
      String k = ins.syntax().keyword();
      if (k.equals(k.toLowerCase(Locale.ROOT))) {
        lower++;
      } else if (k.equals(k.toUpperCase(Locale.ROOT))) {
        upper++;
      }
    }
    boolean majorityLower = lower > upper;
    for (Instruction ins : all) {
      String k = ins.syntax().keyword();
      String wanted = majorityLower ? k.toLowerCase(Locale.ROOT) : k.toUpperCase(Locale.ROOT);
      if (!k.equals(wanted)) {
        int start = ins.span().start();
        Span span = new Span(start, start + k.length());
        ctx.report(
            span,
            "Command '"
                + k
                + "' should match the case of the command majority ("
                + (majorityLower ? "lowercase" : "uppercase")
                + "): write '"
                + wanted
                + "'",
            Fix.replace(span, wanted));
      }
    }
  }
}
