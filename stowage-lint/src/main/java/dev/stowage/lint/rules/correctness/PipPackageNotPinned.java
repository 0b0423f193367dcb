package dev.stowage.lint.rules.correctness;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.shell.PackageInstall;
import dev.stowage.dockerfile.shell.PackageManager;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.List;
import java.util.Optional;

/**
 * {@code pip install requests} takes the newest release at build time: rebuilds silently pick up
 * new major versions and their breaking changes.
 */
@Rule(
    id = "DL3013",
    title =
        "Pin versions in pip. Instead of `pip install <package>` use `pip install"
            + " <package>==<version>` or `pip install --requirement <requirements file>`",
    severity = Severity.WARNING,
    category = Category.CORRECTNESS)
public final class PipPackageNotPinned implements InstructionRule<Instruction.Run> {
  private static final List<String> VERSION_OPERATORS =
      List.of("==", ">=", "<=", "~=", "!=", "<", ">");
  private static final List<String> VCS =
      List.of("git+", "git://", "hg+", "svn+", "svn://", "bzr+");
  private static final List<String> FILES = List.of(".whl", ".tar.gz", ".tgz", ".zip", ".tar.bz2");

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
    for (PackageInstall install : script.get().packageInstalls(PackageManager.PIP)) {
      if (install.hasFlag("-c", "--constraint")) {
        continue; // a constraints file pins whatever is named
      }
      Unpinned.report(run, ctx, install, PipPackageNotPinned::isPinned, "<package>==<version>");
    }
  }

  /** A version specifier, a VCS URL with {@code @ref}, or a local path, URL or archive. */
  static boolean isPinned(String pkg) {
    if (VCS.stream().anyMatch(pkg::startsWith)) {
      String last = pkg.substring(pkg.lastIndexOf('/') + 1);
      return last.contains("@");
    }
    if (VERSION_OPERATORS.stream().anyMatch(pkg::contains) || pkg.contains("@")) {
      return true;
    }
    return pkg.startsWith(".")
        || pkg.startsWith("~")
        || pkg.contains("/")
        || FILES.stream().anyMatch(pkg::endsWith);
  }
}
