package dev.stowage.lint.rules.correctness;

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
import java.util.Set;

/**
 * Interactive tools, service managers and process or machine controls do nothing useful while an
 * image is built: there is no terminal, no init system and no other process to act on.
 */
@Rule(
    id = "DL3001",
    title =
        "For some bash commands it makes no sense running them in a Docker container like ssh, vim,"
            + " shutdown, service, ps, free, top, kill, mount, ifconfig",
    severity = Severity.INFO,
    category = Category.CORRECTNESS)
public final class IrrelevantShellCommand implements InstructionRule<Instruction.Run> {
  private static final Set<String> PROGRAMS =
      Set.of(
          "free",
          "ifconfig",
          "kill",
          "mount",
          "nano",
          "ps",
          "service",
          "shutdown",
          "ssh",
          "top",
          "vim");

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
      Optional<Word> name = c.nameWord();
      if (name.isEmpty()) {
        continue;
      }
      String program = name.get().text();
      int slash = program.lastIndexOf('/');
      String base = slash >= 0 ? program.substring(slash + 1) : program;
      if (PROGRAMS.contains(base)) {
        ctx.report(
            ctx.shellSpan(run, name.get().offset(), name.get().endOffset()),
            "'"
                + base
                + "' makes no sense while building an image (no terminal, init system or"
                + " running services); remove it or move it to the container's runtime");
      }
    }
  }
}
