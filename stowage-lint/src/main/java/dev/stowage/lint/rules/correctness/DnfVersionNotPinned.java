package dev.stowage.lint.rules.correctness;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.PackageManager;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.dockerfile.shell.Word;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.List;
import java.util.Optional;

/**
 * {@code dnf install pkg} installs whatever the repositories have today; builds drift. Modules
 * ({@code dnf module install nodejs:20}) are pinned by their stream.
 */
@Rule(
    id = "DL3041",
    title = "Specify version with `dnf install -y <package>-<version>`",
    severity = Severity.WARNING,
    category = Category.CORRECTNESS)
public final class DnfVersionNotPinned implements InstructionRule<Instruction.Run> {
  @Override
  public Class<Instruction.Run> type() {
    return Instruction.Run.class;
  }

  @Override
  public void check(Instruction.Run run, RuleContext ctx) {
    PackagePins.check(
        run,
        ctx,
        List.of(PackageManager.DNF, PackageManager.MICRODNF),
        (pi, p) ->
            !(pi.subcommand().equals(List.of("install")) || pi.subcommand().equals(List.of("in")))
                || p.hasVersion()
                || p.name().startsWith("@")
                || PackagePins.isFileOrUrl(p.name(), ".rpm"),
        p -> "Pin the version of " + p.name() + ": `dnf install -y " + p.name() + "-<version>`");
    Optional<ShellScript> script = ctx.shell(run);
    if (script.isEmpty()) {
      return;
    }
    for (String program : List.of("dnf", "microdnf")) {
      for (Command c : script.get().invocations(program, "module", "install")) {
        List<Word> args = c.argsWithoutFlags();
        for (Word w : args.subList(2, args.size())) {
          if (!w.hasExpansion() && !w.text().contains(":")) {
            ctx.report(
                ctx.shellSpan(run, w.offset(), w.endOffset()),
                "Pin the stream of module "
                    + w.text()
                    + ": `"
                    + program
                    + " module install "
                    + w.text()
                    + ":<stream>`");
          }
        }
      }
    }
  }
}
