package dev.stowage.lint.rules.correctness;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Span;
import dev.stowage.dockerfile.shell.Arguments;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.CommandNode;
import dev.stowage.dockerfile.shell.PackageInstall;
import dev.stowage.dockerfile.shell.PackageManager;
import dev.stowage.dockerfile.shell.Pipeline;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.dockerfile.shell.SimpleCommand;
import dev.stowage.dockerfile.shell.Word;
import dev.stowage.lint.Category;
import dev.stowage.lint.Fix;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import dev.stowage.lint.rules.AptCommands;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Without {@code -y}, {@code apt-get install} asks for confirmation whenever it pulls in extra
 * packages; a build has no terminal, so the answer is "no" and the build fails.
 */
@Rule(
    id = "DL3014",
    title = "Use the `-y` switch to avoid manual input `apt-get -y install <package>`",
    severity = Severity.WARNING,
    category = Category.CORRECTNESS,
    fixable = true)
public final class AptInstallWithoutYes implements InstructionRule<Instruction.Run> {
  private static final Pattern QUIET_LEVEL = Pattern.compile("(?:-q|--quiet)=(\\d+)");
  private static final Pattern ASSUME_YES =
      Pattern.compile("APT::Get::Assume-Yes\\s*=\\s*(?:true|yes|1|on)", Pattern.CASE_INSENSITIVE);

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
          || assumesYes(install)
          || pipedFromYes(install.command(), script.get())) {
        continue;
      }
      Word sub = install.arguments().positional().get(0);
      Span at = ctx.shellSpan(run, sub.offset(), sub.endOffset());
      ctx.report(
          at,
          "'"
              + install.command().name()
              + " install' without -y waits for an answer the build"
              + " cannot give; add -y",
          Fix.insertBefore(at.end(), " -y"));
    }
  }

  /**
   * {@code -y}, {@code --yes}, {@code --assume-yes}, {@code -qq} (which implies -y) or the option.
   */
  static boolean assumesYes(PackageInstall install) {
    Arguments a = install.arguments();
    if (a.hasFlag("-y", "--yes", "--assume-yes")) {
      return true;
    }
    for (String v : a.flagValues("-o", "--option")) {
      if (ASSUME_YES.matcher(v).matches()) {
        return true;
      }
    }
    int quiet = 0;
    for (String arg : install.command().argTexts()) {
      Matcher m = QUIET_LEVEL.matcher(arg);
      if (m.matches()) {
        quiet += Integer.parseInt(m.group(1).length() > 3 ? "9" : m.group(1));
      } else if (arg.equals("--quiet")) {
        quiet++;
      } else if (arg.matches("-[a-zA-Z]+")) {
        quiet += (int) arg.chars().filter(ch -> ch == 'q').count();
      }
    }
    return quiet >= 2;
  }

  /** {@code yes | apt-get install x}: {@code yes} answers every prompt. */
  static boolean pipedFromYes(Command command, ShellScript script) {
    Optional<Pipeline> p = command.pipeline();
    if (p.isEmpty()) {
      return false;
    }
    List<CommandNode> elements = p.get().commands();
    for (int i = 0; i < command.pipelineIndex() && i < elements.size(); i++) {
      if (elements.get(i) instanceof SimpleCommand sc
          && script
              .command(sc)
              .map(c -> c.name().toLowerCase(Locale.ROOT).equals("yes"))
              .orElse(false)) {
        return true;
      }
    }
    return false;
  }
}
