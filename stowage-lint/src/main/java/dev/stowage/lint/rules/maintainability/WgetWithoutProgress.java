package dev.stowage.lint.rules.maintainability;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.Optional;

/**
 * Without a terminal, wget prints a progress line per few kilobytes: a large download floods the
 * build log with thousands of lines.
 */
@Rule(
    id = "DL3047",
    title =
        "`wget` without flag `--progress` will result in excessively bloated build logs when"
            + " downloading larger files",
    severity = Severity.INFO,
    category = Category.MAINTAINABILITY)
public final class WgetWithoutProgress implements InstructionRule<Instruction.Run> {
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
    for (Command c : script.get().invocations("wget")) {
      if (c.hasFlag(
              "--progress",
              "-q",
              "--quiet",
              "--no-verbose",
              "-o",
              "--output-file",
              "-a",
              "--append-output",
              "-b",
              "--background")
          || c.argTexts().contains("-nv")
          || c.argTexts().stream().anyMatch(a -> a.startsWith("--progress="))) {
        continue;
      }
      ctx.report(
          ctx.shellSpan(run, c.offset(), c.endOffset()),
          "Use `wget --progress=dot:giga` (or `-q`/`-nv`): wget's default progress output floods"
              + " the build log");
    }
  }
}
