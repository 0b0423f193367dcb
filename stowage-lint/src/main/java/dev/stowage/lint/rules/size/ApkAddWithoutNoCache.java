package dev.stowage.lint.rules.size;

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

/** {@code apk add} without {@code --no-cache} leaves the package index in the layer. */
@Rule(
    id = "DL3019",
    title =
        "Use the --no-cache switch to avoid the need to use --update and remove /var/cache/apk/*"
            + " when done installing packages",
    severity = Severity.INFO,
    category = Category.SIZE,
    fixable = true)
public final class ApkAddWithoutNoCache implements InstructionRule<Instruction.Run> {
  @Override
  public Class<Instruction.Run> type() {
    return Instruction.Run.class;
  }

  @Override
  public void check(Instruction.Run run, RuleContext ctx) {
    Optional<ShellScript> script = ctx.shell(run);
    if (script.isEmpty() || PackageCaches.mountsCacheAt(run, "/var/cache/apk", "/etc/apk/cache")) {
      return;
    }
    // --no-network installs from what is already there: no index is fetched, nothing is cached
    for (Command c : script.get().invocations("apk", "add")) {
      if (c.hasFlag("--no-cache", "--no-network")
          || PackageCaches.removedAfter(script.get(), c, "/var/cache/apk")) {
        continue;
      }
      Word add = PackageCaches.subcommandWord(c).orElseThrow();
      ctx.report(
          ctx.shellSpan(run, c.offset(), c.endOffset()),
          "Use `apk add --no-cache` so the package index is not kept in the layer (or mount a cache"
              + " at /var/cache/apk)",
          PackageCaches.insertAfter(ctx, run, add, " --no-cache"));
    }
  }
}
