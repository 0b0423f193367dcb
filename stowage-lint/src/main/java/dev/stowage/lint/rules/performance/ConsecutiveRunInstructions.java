package dev.stowage.lint.rules.performance;

import dev.stowage.dockerfile.Flag;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.lint.Category;
import dev.stowage.lint.DockerfileRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.List;

/**
 * Each RUN is a layer and a cache step: two short RUNs in a row with the same flags cost an extra
 * layer and snapshot for nothing. RUNs with more than two commands are left alone (splitting
 * long scripts is usually deliberate), and so are RUNs whose flags (mounts, network) differ.
 */
@Rule(
    id = "DL3059",
    title = "Multiple consecutive RUN instructions. Consider consolidation",
    severity = Severity.INFO,
    category = Category.PERFORMANCE)
public final class ConsecutiveRunInstructions implements DockerfileRule {
  private static final int SHORT = 2;

  @Override
  public void check(RuleContext ctx) {
    Instruction.Run previous = null;
    for (Instruction ins : ctx.dockerfile().instructions()) {
      if (!(ins instanceof Instruction.Run run)) {
        previous = null;
        continue;
      }
      if (previous != null
          && flags(previous).equals(flags(run))
          && isShort(previous, ctx)
          && isShort(run, ctx)) {
        ctx.report(
            run.span(),
            "This RUN follows another RUN with the same flags on line " + previous.line()
                + "; join their commands with && to save a layer.");
        continue; // compare the next RUN with the same first one, as hadolint does
      }
      previous = run;
    }
  }

  private static List<String> flags(Instruction.Run run) {
    return run.flags().stream().map(Flag::text).sorted().toList();
  }

  /**
   * A RUN of at most two commands (an exec-form one counts as one): two such RUNs side by side
   * with the same flags are reported.
   */
  public static boolean isShort(Instruction.Run run, RuleContext ctx) {
    return ctx.shell(run).map(s -> s.commands().size()).orElse(1) <= SHORT;
  }
}
