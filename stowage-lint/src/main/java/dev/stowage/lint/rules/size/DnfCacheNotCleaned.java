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
 * Packages and metadata dnf downloads stay in {@code /var/cache/dnf} (or libdnf5) unless cleaned in
 * the same RUN.
 */
@Rule(
    id = "DL3040",
    title = "`dnf clean all` missing after dnf command",
    severity = Severity.WARNING,
    category = Category.SIZE)
public final class DnfCacheNotCleaned implements InstructionRule<Instruction.Run> {
  private static final List<String> PROGRAMS = List.of("dnf", "microdnf");
  private static final List<List<String>> INSTALLS =
      List.of(
          List.of("install"),
          List.of("in"),
          List.of("groupinstall"),
          List.of("localinstall"),
          List.of("reinstall"),
          List.of("update"),
          List.of("upgrade"),
          List.of("module", "install"));
  private static final List<String> CLEANERS = List.of("dnf", "microdnf", "yum");
  private static final List<List<String>> CLEANS = List.of(List.of("clean", "all"));

  private static final PackageCaches.CacheCleanup CLEANUP =
      new PackageCaches.CacheCleanup(
          PROGRAMS,
          INSTALLS,
          CLEANERS,
          CLEANS,
          List.of("/var/cache/dnf", "/var/cache/yum", "/var/cache/libdnf5"),
          List.of("/var/cache/dnf", "/var/cache/yum", "/var/cache/libdnf5"),
          DnfCacheNotCleaned::message);

  @Override
  public Class<Instruction.Run> type() {
    return Instruction.Run.class;
  }

  @Override
  public void check(Instruction.Run run, RuleContext ctx) {
    CLEANUP.check(run, ctx);
  }

  private static String message(Command c) {
    return "Run `"
        + c.name()
        + " clean all` after `"
        + c.name()
        + " "
        + c.subcommand().orElse("")
        + "` in the same RUN so the package cache is not kept in the layer (or mount a cache"
        + " at /var/cache/dnf)";
  }
}
