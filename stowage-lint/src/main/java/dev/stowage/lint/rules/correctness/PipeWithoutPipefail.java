package dev.stowage.lint.rules.correctness;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.model.Base;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.CommandNode;
import dev.stowage.dockerfile.shell.Pipeline;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.dockerfile.shell.SimpleCommand;
import dev.stowage.lint.Category;
import dev.stowage.lint.DockerfileRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A pipeline's status is its last command's: {@code curl -fsSL url | tar -xz} "succeeds" when the
 * download fails and the build goes on with a broken layer. Fine when the stage's SHELL sets {@code
 * -o pipefail} (a parent stage's SHELL counts), when the script runs {@code set -o pipefail}
 * before the pipe, when SHELL is not a POSIX shell (PowerShell, cmd), or when only the last
 * command of the pipe can fail ({@code echo "$sum  file" | sha256sum -c -}).
 */
@Rule(
    id = "DL4006",
    title = "Set the SHELL option -o pipefail before RUN with a pipe in it",
    severity = Severity.WARNING,
    category = Category.CORRECTNESS)
public final class PipeWithoutPipefail implements DockerfileRule {
  @Override
  public void check(RuleContext ctx) {
    List<Stage> stages = ctx.model().stages();
    Map<Integer, Boolean> safeAtEnd = new HashMap<>();
    for (Stage stage : stages) {
      boolean safe =
          stage.base() instanceof Base.StageBase b ? safeAtEnd.getOrDefault(b.stage(), false) : false;
      for (Instruction ins : stage.instructions()) {
        if (ins instanceof Instruction.Shell shell) {
          safe = isSafe(shell.execArgs());
        } else if (ins instanceof Instruction.Run run && !safe) {
          check(run, ctx);
        }
      }
      safeAtEnd.put(stage.index(), safe);
    }
  }

  private static void check(Instruction.Run run, RuleContext ctx) {
    ctx.shell(run).ifPresent(script -> {
      for (Pipeline p : script.pipelines()) {
        if (p.hasPipe() && !script.pipefailBefore(p.offset()) && !onlyLastCanFail(p, script)) {
          ctx.report(
              ctx.shellSpan(run, p.offset(), p.endOffset()),
              "This pipe hides failures of all but its last command; set SHELL [\"/bin/bash\", \"-o\","
                  + " \"pipefail\", \"-c\"] (or /bin/ash on Alpine) or start the script with set -o"
                  + " pipefail.");
          return;
        }
      }
    });
  }

  /**
   * Whether every command before the last is {@code echo} or {@code printf} with fixed text:
   * they cannot fail, so pipefail would change nothing ({@code echo "$sum *f" | sha256sum -c -}).
   */
  private static boolean onlyLastCanFail(Pipeline p, ShellScript script) {
    List<CommandNode> elements = p.commands();
    for (int i = 0; i < elements.size() - 1; i++) {
      if (!(elements.get(i) instanceof SimpleCommand node)) {
        return false;
      }
      Optional<Command> c = script.command(node);
      if (c.isEmpty()
          || !c.get().wrappers().isEmpty()
          || !(c.get().name().equals("echo") || c.get().name().equals("printf"))
          || !c.get().redirections().isEmpty()
          || c.get().raw().contains("$(")
          || c.get().raw().contains("`")) {
        return false;
      }
    }
    return true;
  }

  /** Whether RUN under this SHELL needs no pipefail warning: pipefail is set, or no POSIX shell. */
  static boolean isSafe(List<String> shell) {
    if (shell.isEmpty()) {
      return false;
    }
    String program = shell.get(0);
    int sep = Math.max(program.lastIndexOf('/'), program.lastIndexOf('\\'));
    String name = program.substring(sep + 1).toLowerCase(Locale.ROOT);
    for (String nonPosix : new String[] {"pwsh", "powershell", "cmd"}) {
      if (name.startsWith(nonPosix)) {
        return true;
      }
    }
    for (int i = 1; i + 1 < shell.size(); i++) {
      String a = shell.get(i);
      if (a.startsWith("-") && !a.startsWith("--") && a.indexOf('o') > 0 && shell.get(i + 1).equals("pipefail")) {
        return true;
      }
    }
    return false;
  }
}
