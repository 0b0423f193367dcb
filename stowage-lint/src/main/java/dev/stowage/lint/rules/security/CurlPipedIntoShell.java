package dev.stowage.lint.rules.security;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.Optional;
import java.util.Set;

/** A script downloaded at build time is run by a shell without being checked: {@code curl | sh}. */
@Rule(
    id = "ST3003",
    title = "Downloaded script piped into a shell",
    severity = Severity.WARNING,
    category = Category.SECURITY)
public final class CurlPipedIntoShell implements InstructionRule<Instruction.Run> {
  private static final Set<String> DOWNLOADERS =
      Set.of("curl", "wget", "fetch", "aria2c", "http", "https", "lynx");

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
    for (Command c : script.get().commandsPipedIntoShell()) {
      String program = c.name().substring(c.name().lastIndexOf('/') + 1);
      if (!DOWNLOADERS.contains(program)) {
        continue;
      }
      String url =
          c.argsWithoutFlags().stream()
              .map(w -> w.raw())
              .filter(a -> a.contains("://"))
              .findFirst()
              .orElse("");
      ctx.report(
          ctx.shellSpan(run, c.offset(), c.endOffset()),
          "A shell runs whatever "
              + program
              + (url.isEmpty() ? "" : " " + url)
              + " returns, unchecked; download the"
              + " script to a file, verify its checksum (or use ADD --checksum), then run it");
    }
  }
}
