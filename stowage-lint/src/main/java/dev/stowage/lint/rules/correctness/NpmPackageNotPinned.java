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
 * {@code npm install -g typescript} installs whatever is tagged {@code latest} that day: rebuilds
 * drift and pick up breaking majors without a change to the Dockerfile.
 */
@Rule(
    id = "DL3016",
    title =
        "Pin versions in npm. Instead of `npm install <package>` use `npm install"
            + " <package>@<version>`",
    severity = Severity.WARNING,
    category = Category.CORRECTNESS)
public final class NpmPackageNotPinned implements InstructionRule<Instruction.Run> {
  private static final List<String> GIT =
      List.of(
          "git://",
          "git+ssh://",
          "git+http://",
          "git+https://",
          "github:",
          "gitlab:",
          "bitbucket:");
  private static final List<String> LOCAL = List.of("/", "./", "../", "~/", "file:", "link:");
  private static final List<String> TARBALLS = List.of(".tar", ".tar.gz", ".tgz");

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
    for (PackageInstall install : script.get().packageInstalls(PackageManager.NPM)) {
      if (install.subcommand().equals(List.of("ci"))) {
        continue; // installs exactly the lockfile
      }
      Unpinned.report(run, ctx, install, NpmPackageNotPinned::isPinned, "<package>@<version>");
    }
  }

  /**
   * {@code name@version} (not {@code @latest}), a git URL with {@code #ref}, a tarball or a local
   * folder.
   */
  static boolean isPinned(String pkg) {
    if (GIT.stream().anyMatch(pkg::startsWith)) {
      return pkg.contains("#");
    }
    if (TARBALLS.stream().anyMatch(pkg::endsWith) || LOCAL.stream().anyMatch(pkg::startsWith)) {
      return true;
    }
    String unscoped = pkg.startsWith("@") ? pkg.substring(Math.max(pkg.indexOf('/'), 0)) : pkg;
    int at = unscoped.indexOf('@');
    if (at >= 0) {
      String version = unscoped.substring(at + 1);
      return !version.isEmpty() && !version.equals("latest");
    }
    // user/repo is a GitHub shorthand: pinned only with #ref
    return pkg.contains("#") || pkg.startsWith("http://") || pkg.startsWith("https://");
  }
}
