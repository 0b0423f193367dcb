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
import dev.stowage.lint.rules.AptCommands;
import java.util.Optional;

/**
 * {@code apt-get install curl} installs whatever version the mirror has that day: rebuilds drift,
 * and a cached layer and a fresh build disagree about what is in the image.
 */
@Rule(
    id = "DL3008",
    title =
        "Pin versions in apt get install. Instead of `apt-get install <package>` use `apt-get"
            + " install <package>=<version>`",
    severity = Severity.WARNING,
    category = Category.CORRECTNESS)
public final class AptPackageNotPinned implements InstructionRule<Instruction.Run> {
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
    for (PackageInstall install : script.get().packageInstalls(PackageManager.APT)) {
      if (AptCommands.isSimulation(install)) {
        continue;
      }
      Unpinned.report(run, ctx, install, AptPackageNotPinned::isPinned, "<package>=<version>");
    }
  }

  /** {@code name=version}, a release pin {@code name/release}, or a {@code .deb} file. */
  static boolean isPinned(String pkg) {
    return pkg.contains("=") || pkg.contains("/") || pkg.endsWith(".deb");
  }
}
