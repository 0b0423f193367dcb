package dev.stowage.lint.rules.size;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.List;

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

  private static final PackageCaches.CacheCleanup CLEANUP =
      new PackageCaches.CacheCleanup(
          PROGRAMS,
          INSTALLS,
          CLEANERS,
          CLEANS,
          List.of("/var/cache/yum"),
          List.of("/var/cache/yum", "/var/cache/dnf"),
          YumCacheNotCleaned::message);

  @Override
  public Class<Instruction.Run> type() {
    return Instruction.Run.class;
  }

  @Override
  public void check(Instruction.Run run, RuleContext ctx) {
    CLEANUP.check(run, ctx);
  }

  private static String message(Command c) {
    return "Run `yum clean all` after `"
        + c.name()
        + " "
        + c.subcommand().orElse("")
        + "` in the same RUN so the package cache is not kept in the layer (or mount a cache"
        + " at /var/cache/yum)";
  }
}
