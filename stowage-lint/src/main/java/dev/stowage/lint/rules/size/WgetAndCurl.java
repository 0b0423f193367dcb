package dev.stowage.lint.rules.size;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.lint.Category;
import dev.stowage.lint.DockerfileRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * wget and curl do the same job; a stage that uses both installs and ships two download tools
 * (and two sets of TLS libraries). Only real commands count, not package names or URLs.
 */
@Rule(
    id = "DL4001",
    title = "Either use Wget or Curl but not both",
    severity = Severity.WARNING,
    category = Category.SIZE)
public final class WgetAndCurl implements DockerfileRule {
  private static final Set<String> TOOLS = Set.of("wget", "curl");

  @Override
  public void check(RuleContext ctx) {
    for (Stage stage : ctx.model().stages()) {
      Set<String> seen = new HashSet<>();
      for (Instruction.Run run : stage.instructions(Instruction.Run.class)) {
        List<Command> uses =
            ctx.shell(run)
                .map(s -> s.commands().stream().filter(c -> TOOLS.contains(baseName(c.name()))).toList())
                .orElse(List.of());
        if (uses.isEmpty()) {
          continue;
        }
        uses.forEach(c -> seen.add(baseName(c.name())));
        if (seen.size() == TOOLS.size()) {
          Command first = uses.get(0);
          String name = baseName(first.name());
          String other = name.equals("curl") ? "wget" : "curl";
          ctx.report(
              ctx.shellSpan(run, first.offset(), first.endOffset()),
              "This stage uses both " + other + " and " + name + "; use one of them everywhere.");
        }
      }
    }
  }

  private static String baseName(String program) {
    int slash = program.lastIndexOf('/');
    return slash >= 0 ? program.substring(slash + 1) : program;
  }
}
