package dev.stowage.lint.rules.correctness;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.model.Base;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.Optional;

/**
 * CMD or ENTRYPOINT in shell form runs under {@code /bin/sh -c}: the shell is PID 1, does not
 * forward SIGTERM, and {@code docker stop} waits its timeout and then kills the program. As
 * BuildKit does, a stage whose shell was chosen explicitly with SHELL (in the stage or a stage it
 * is built on) is not reported: there the shell form is deliberate.
 */
@Rule(
    id = "DL3025",
    title = "Use arguments JSON notation for CMD and ENTRYPOINT arguments",
    severity = Severity.WARNING,
    category = Category.CORRECTNESS,
    aliases = {"JSONArgsRecommended"})
public final class JSONArgsRecommended implements InstructionRule<Instruction.CommandForm> {
  @Override
  public Class<Instruction.CommandForm> type() {
    return Instruction.CommandForm.class;
  }

  @Override
  public void check(Instruction.CommandForm ins, RuleContext ctx) {
    if (!(ins instanceof Instruction.Cmd || ins instanceof Instruction.Entrypoint)
        || ins.isExecForm()
        || ins.args().isEmpty()
        || shellSetBefore(ins, ctx)) {
      return;
    }
    ctx.report(
        ins,
        "Use JSON notation for "
            + ins.name()
            + " ("
            + ins.name()
            + " [\"executable\", \"arg\"]): in shell form /bin/sh is PID 1 and the program does"
            + " not receive stop signals");
  }

  /** Whether a SHELL instruction precedes {@code ins} in its stage or in a stage it builds on. */
  private static boolean shellSetBefore(Instruction ins, RuleContext ctx) {
    Optional<Stage> stage = ctx.stage();
    if (stage.isEmpty()) {
      return false;
    }
    Stage s = stage.get();
    Instruction owner = ins;
    for (int guard = 0; guard <= ctx.model().stages().size(); guard++) {
      for (Instruction i : s.instructions()) {
        if (i == owner || i.syntax() == ins.syntax()) {
          break;
        }
        if (i instanceof Instruction.Shell) {
          return true;
        }
        if (i instanceof Instruction.Onbuild ob
            && ob.syntax().child().filter(c -> c == ins.syntax()).isPresent()) {
          break;
        }
      }
      if (!(s.base() instanceof Base.StageBase parent)) {
        return false;
      }
      s = ctx.model().stages().get(parent.stage());
      owner = null;
    }
    return false;
  }
}
