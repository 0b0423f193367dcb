package dev.stowage.lint.rules.security;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.dockerfile.shell.Word;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.Optional;

/**
 * {@code sudo} in a build asks for a TTY and a password policy that images do not have, behaves
 * differently with each sudoers file, and keeps a setuid-root binary in the image; switch with
 * USER, or use {@code gosu}/{@code su-exec} at runtime.
 */
@Rule(
    id = "DL3004",
    title =
        "Do not use sudo as it leads to unpredictable behavior. Use a tool like gosu to enforce"
            + " root",
    severity = Severity.ERROR,
    category = Category.SECURITY)
public final class SudoInRun implements InstructionRule<Instruction.Run> {
  @Override
  public Class<Instruction.Run> type() {
    return Instruction.Run.class;
  }

  @Override
  public void check(Instruction.Run run, RuleContext ctx) {
    Optional<ShellScript> script = ctx.shell(run);
    if (script.isEmpty()) {
      return;
    }
    for (Command c : script.get().commands()) {
      for (Word w : c.node().words()) {
        String t = w.text();
        if (t.equals("sudo") || t.endsWith("/sudo")) {
          ctx.report(
              ctx.shellSpan(run, w.offset(), w.endOffset()),
              "Do not use sudo in RUN: set the build user with USER, and use a tool like gosu to"
                  + " switch users at runtime");
          break;
        }
        if (!c.wrappers().contains("sudo")) {
          break; // sudo can only appear before the program, as a wrapper
        }
      }
    }
  }
}
