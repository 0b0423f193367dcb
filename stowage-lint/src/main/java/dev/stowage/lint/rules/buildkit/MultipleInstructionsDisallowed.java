package dev.stowage.lint.rules.buildkit;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.lint.Category;
import dev.stowage.lint.DockerfileRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.HashMap;
import java.util.Map;

/**
 * A second CMD, ENTRYPOINT or HEALTHCHECK in one stage: only the last one takes effect, so the
 * earlier one is dead code. The earlier instruction is reported, as BuildKit does; ONBUILD
 * triggers are not counted.
 */
@Rule(
    id = "MultipleInstructionsDisallowed",
    title = "Multiple instructions of the same type should not be used in the same stage",
    severity = Severity.WARNING,
    category = Category.CORRECTNESS)
public final class MultipleInstructionsDisallowed implements DockerfileRule {
  @Override
  public void check(RuleContext ctx) {
    for (Stage stage : ctx.model().stages()) {
      Map<String, Instruction> last = new HashMap<>();
      for (Instruction ins : stage.instructions()) {
        if (ins instanceof Instruction.Cmd
            || ins instanceof Instruction.Entrypoint
            || ins instanceof Instruction.Healthcheck) {
          Instruction previous = last.put(ins.name(), ins);
          if (previous != null) {
            ctx.report(
                previous,
                "Multiple "
                    + ins.name()
                    + " instructions should not be used in the same stage because only the last"
                    + " one (line "
                    + ins.line()
                    + ") will be used; remove this one");
          }
        }
      }
    }
  }
}
