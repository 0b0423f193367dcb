package dev.stowage.lint.rules.correctness;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.shell.PackageManager;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.List;

/** {@code gem install x} installs the newest release at build time; builds drift silently. */
@Rule(
    id = "DL3028",
    title =
        "Pin versions in gem install. Instead of `gem install <gem>` use `gem install"
            + " <gem>:<version>`",
    severity = Severity.WARNING,
    category = Category.CORRECTNESS)
public final class GemVersionNotPinned implements InstructionRule<Instruction.Run> {
  @Override
  public Class<Instruction.Run> type() {
    return Instruction.Run.class;
  }

  @Override
  public void check(Instruction.Run run, RuleContext ctx) {
    PackagePins.check(
        run,
        ctx,
        List.of(PackageManager.GEM),
        (pi, p) -> p.hasVersion() || PackagePins.isFileOrUrl(p.name(), ".gem"),
        p ->
            "Pin the version of "
                + p.name()
                + ": `gem install "
                + p.name()
                + ":<version>` (or `-v <version>`)");
  }
}
