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
 * Packages and metadata zypper downloads stay in {@code /var/cache/zypp} unless cleaned in the same
 * RUN.
 */
@Rule(
    id = "DL3036",
    title = "`zypper clean` missing after zypper use",
    severity = Severity.WARNING,
    category = Category.SIZE)
public final class ZypperCacheNotCleaned implements InstructionRule<Instruction.Run> {
  private static final List<String> PROGRAMS = List.of("zypper");
  private static final List<List<String>> INSTALLS =
      List.of(
          List.of("install"),
          List.of("in"),
          List.of("update"),
          List.of("up"),
          List.of("patch"),
          List.of("dist-upgrade"),
          List.of("dup"),
          List.of("source-install"),
          List.of("si"));
  private static final List<String> CLEANERS = List.of("zypper");
  private static final List<List<String>> CLEANS = List.of(List.of("clean"), List.of("cc"));

  private static final PackageCaches.CacheCleanup CLEANUP =
      new PackageCaches.CacheCleanup(
          PROGRAMS,
          INSTALLS,
          CLEANERS,
          CLEANS,
          List.of("/var/cache/zypp"),
          List.of("/var/cache/zypp"),
          ZypperCacheNotCleaned::message);

  @Override
  public Class<Instruction.Run> type() {
    return Instruction.Run.class;
  }

  @Override
  public void check(Instruction.Run run, RuleContext ctx) {
    CLEANUP.check(run, ctx);
  }

  private static String message(Command c) {
    return "Run `zypper clean --all` after `zypper "
        + c.subcommand().orElse("")
        + "` in the same RUN so the package cache is not kept in the layer (or mount a cache"
        + " at /var/cache/zypp)";
  }
}
