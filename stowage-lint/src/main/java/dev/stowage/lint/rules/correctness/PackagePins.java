package dev.stowage.lint.rules.correctness;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.shell.PackageInstall;
import dev.stowage.dockerfile.shell.PackageManager;
import dev.stowage.dockerfile.shell.PackageSpec;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.lint.RuleContext;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;

/** The loop the version-pinning rules share: every unpinned package word of an install. */
final class PackagePins {
  private PackagePins() {}

  /**
   * Reports each package of an install by one of {@code managers} that {@code pinned} rejects;
   * words with shell expansions ({@code $PKGS}) are skipped, their value is unknown.
   */
  static void check(
      Instruction.Run run,
      RuleContext ctx,
      List<PackageManager> managers,
      BiPredicate<PackageInstall, PackageSpec> pinned,
      Function<PackageSpec, String> message) {
    Optional<ShellScript> script = ctx.shell(run);
    if (script.isEmpty()) {
      return;
    }
    for (PackageInstall pi : script.get().packageInstalls()) {
      if (!managers.contains(pi.manager())) {
        continue;
      }
      for (PackageSpec p : pi.packages()) {
        if (p.word().hasExpansion() || p.name().isEmpty() || pinned.test(pi, p)) {
          continue;
        }
        ctx.report(ctx.shellSpan(run, p.word().offset(), p.word().endOffset()), message.apply(p));
      }
    }
  }

  /** A local file, a URL or a path: the file itself fixes the version. */
  static boolean isFileOrUrl(String name, String extension) {
    return name.endsWith(extension) || name.contains("/") || name.contains("://");
  }
}
