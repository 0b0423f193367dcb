package dev.stowage.lint.rules.size;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Span;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.PackageInstall;
import dev.stowage.dockerfile.shell.PackageManager;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.dockerfile.shell.Word;
import dev.stowage.lint.Category;
import dev.stowage.lint.Fix;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import dev.stowage.lint.rules.AptCommands;
import dev.stowage.lint.rules.Stages;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * By default apt also installs every "recommended" package: often tens to hundreds of megabytes
 * (documentation, X libraries, compilers) the image never uses, downloaded on every rebuild.
 */
@Rule(
    id = "DL3015",
    title = "Avoid additional packages by specifying `--no-install-recommends`",
    severity = Severity.INFO,
    category = Category.SIZE,
    fixable = true)
public final class AptInstallRecommends implements InstructionRule<Instruction.Run> {
  // -o APT::Install-Recommends=false, or the same setting written to an apt.conf.d file
  private static final Pattern OFF =
      Pattern.compile(
          "APT::Install-Recommends\\s*[= ]\\s*\"?(?:false|0|no|off)\"?", Pattern.CASE_INSENSITIVE);

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
      if (AptCommands.isSimulation(install)
          || install.hasFlag("--no-install-recommends")
          || install.arguments().flagValues("-o", "--option").stream()
              .anyMatch(v -> OFF.matcher(v).find())
          || configuredBefore(run, install.command(), script.get(), ctx)) {
        continue;
      }
      Word sub = install.arguments().positional().get(0);
      Span at = ctx.shellSpan(run, sub.offset(), sub.endOffset());
      ctx.report(
          at,
          "'"
              + install.command().name()
              + " install' also installs recommended packages; add"
              + " --no-install-recommends",
          Fix.insertBefore(at.end(), " --no-install-recommends"));
    }
  }

  /** Whether an earlier command of the stage's lineage writes the setting into apt's config. */
  private static boolean configuredBefore(
      Instruction.Run run, Command install, ShellScript script, RuleContext ctx) {
    for (Command c : script.commands()) {
      if (c.offset() >= install.offset()) {
        break;
      }
      if (OFF.matcher(c.raw()).find()) {
        return true;
      }
    }
    if (ctx.inOnbuild()) {
      return false;
    }
    for (Instruction i : Stages.before(ctx.model(), run)) {
      if (i instanceof Instruction.Run earlier
          && ctx.shell(earlier).map(s -> OFF.matcher(s.source()).find()).orElse(false)) {
        return true;
      }
    }
    return false;
  }
}
