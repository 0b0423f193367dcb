package dev.stowage.lint.rules.correctness;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.shell.PackageManager;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.List;

/** {@code zypper install pkg} installs whatever the repositories have today; builds drift. */
@Rule(
    id = "DL3037",
    title = "Specify version with `zypper install -y <package>[=]<version>`",
    severity = Severity.WARNING,
    category = Category.CORRECTNESS)
public final class ZypperVersionNotPinned implements InstructionRule<Instruction.Run> {
  @Override
  public Class<Instruction.Run> type() {
    return Instruction.Run.class;
  }

  @Override
  public void check(Instruction.Run run, RuleContext ctx) {
    PackagePins.check(
        run,
        ctx,
        List.of(PackageManager.ZYPPER),
        (pi, p) ->
            p.hasVersion()
                || !pi.arguments().flagValue("-t", "--type").orElse("package").equals("package")
                || PackagePins.isFileOrUrl(p.name(), ".rpm"),
        p -> "Pin the version of " + p.name() + ": `zypper install -y " + p.name() + "=<version>`");
  }
}
