package dev.stowage.lint.rules.correctness;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.shell.PackageManager;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.List;
import java.util.Set;

/** {@code apk add pkg} installs whatever the index has today; builds drift silently. */
@Rule(
    id = "DL3018",
    title =
        "Pin versions in apk add. Instead of `apk add <package>` use `apk add <package>=<version>`",
    severity = Severity.WARNING,
    category = Category.CORRECTNESS)
public final class ApkVersionNotPinned implements InstructionRule<Instruction.Run> {
  /** Constraints that fix a version or a version prefix; bare {@code >} and {@code <} do not. */
  private static final Set<String> PINNING = Set.of("=", "~", "~=", ">=", "<=");

  @Override
  public Class<Instruction.Run> type() {
    return Instruction.Run.class;
  }

  @Override
  public void check(Instruction.Run run, RuleContext ctx) {
    PackagePins.check(
        run,
        ctx,
        List.of(PackageManager.APK),
        (pi, p) -> PINNING.contains(p.separator()) || PackagePins.isFileOrUrl(p.name(), ".apk"),
        p ->
            "Pin the version of "
                + p.name()
                + ": `apk add "
                + p.name()
                + "=<version>` (or `~<version>` for a release series)");
  }
}
