package dev.stowage.lint.rules.size;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.List;
import java.util.Optional;

/**
 * Packages and metadata yum downloads stay in {@code /var/cache/yum} unless cleaned in the same
 * RUN.
 */
@Rule(
    id = "DL3032",
    title = "`yum clean all` missing after yum command",
    severity = Severity.WARNING,
    category = Category.SIZE)
public final class YumCacheNotCleaned implements InstructionRule<Instruction.Run> {
  private static final List<String> PROGRAMS = List.of("yum");
  private static final List<List<String>> INSTALLS =
      List.of(
          List.of("install"),
          List.of("groupinstall"),
          List.of("localinstall"),
          List.of("reinstall"),
          List.of("update"),
          List.of("upgrade"));
  private static final List<String> CLEANERS = List.of("yum", "dnf");
  private static final List<List<String>> CLEANS = List.of(List.of("clean", "all"));

  @Override
  public Class<Instruction.Run> type() {
    return Instruction.Run.class;
  }

  @Override
  public void check(Instruction.Run run, RuleContext ctx) {
    Optional<ShellScript> script = ctx.shell(run);
    if (script.isEmpty() || PackageCaches.mountsCacheAt(run, "/var/cache/yum")) {
      return;
    }
    for (Command c : script.get().commands()) {
      if (!runs(c)
          || PackageCaches.cleanedAfter(script.get(), c, CLEANERS, CLEANS)
          || PackageCaches.removedAfter(script.get(), c, "/var/cache/yum", "/var/cache/dnf")) {
        continue;
      }
      ctx.report(
          ctx.shellSpan(run, c.offset(), c.endOffset()),
          "Run `yum clean all` after `"
              + c.name()
              + " "
              + c.subcommand().orElse("")
              + "` in the same RUN so the package cache is not kept in the layer (or mount a cache"
              + " at /var/cache/yum)");
    }
  }

  private static boolean runs(Command c) {
    for (String p : PROGRAMS) {
      if (!c.is(p)) {
        continue; // implied by every test below; spares building the sub-command arrays
      }
      for (List<String> sub : INSTALLS) {
        if (c.is(p, sub.toArray(String[]::new))) {
          return true;
        }
      }
    }
    return false;
  }
}
