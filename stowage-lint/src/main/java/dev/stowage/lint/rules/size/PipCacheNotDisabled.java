package dev.stowage.lint.rules.size;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.model.Scope;
import dev.stowage.dockerfile.shell.Assignment;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.PackageInstall;
import dev.stowage.dockerfile.shell.PackageManager;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.dockerfile.shell.Word;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.Optional;
import java.util.Set;

/** {@code pip install} keeps downloaded archives and built wheels in {@code ~/.cache/pip}. */
@Rule(
    id = "DL3042",
    title = "Avoid use of cache directory with pip. Use `pip install --no-cache-dir <package>`",
    severity = Severity.WARNING,
    category = Category.SIZE,
    fixable = true)
public final class PipCacheNotDisabled implements InstructionRule<Instruction.Run> {
  private static final String VARIABLE = "PIP_NO_CACHE_DIR";
  private static final Set<String> TRUTHY =
      Set.of("1", "true", "True", "TRUE", "on", "On", "ON", "yes", "Yes", "YES");

  @Override
  public Class<Instruction.Run> type() {
    return Instruction.Run.class;
  }

  @Override
  public void check(Instruction.Run run, RuleContext ctx) {
    Optional<ShellScript> script = ctx.shell(run);
    if (script.isEmpty()
        || PackageCaches.mountsCacheAt(run, ".cache/pip")
        || movedCacheMounted(run, ctx.scope())
        || disabledByVariable(ctx.scope())) {
      return;
    }
    for (PackageInstall pi : script.get().packageInstalls(PackageManager.PIP)) {
      Command c = pi.command();
      if (!pi.subcommand().equals(java.util.List.of("install"))
          || pi.hasFlag("--no-cache-dir")
          || disabledInScript(script.get(), c)) {
        continue;
      }
      Word install = PackageCaches.subcommandWord(c).orElseThrow();
      ctx.report(
          ctx.shellSpan(run, c.offset(), c.endOffset()),
          "Use `pip install --no-cache-dir` so pip's download and wheel cache is not kept in the"
              + " layer (or mount a cache at /root/.cache/pip)",
          PackageCaches.insertAfter(ctx, run, install, " --no-cache-dir"));
    }
  }

  /** A cache or tmpfs mount on the directory {@code PIP_CACHE_DIR} moves pip's cache to. */
  private static boolean movedCacheMounted(Instruction.Run run, dev.stowage.dockerfile.model.Scope scope) {
    return scope.lookup("PIP_CACHE_DIR")
        .map(scope::expandOrRaw)
        .filter(d -> d.startsWith("/"))
        .filter(d -> PackageCaches.mountsCacheAt(run, d.replaceAll("/+$", "")))
        .isPresent();
  }

  /** ENV or ARG {@code PIP_NO_CACHE_DIR} with a true value is in scope. */
  private static boolean disabledByVariable(Scope scope) {
    return scope.lookup(VARIABLE).map(String::strip).filter(TRUTHY::contains).isPresent();
  }

  /**
   * {@code PIP_NO_CACHE_DIR=1 pip ...}, {@code env PIP_NO_CACHE_DIR=1 pip ...} or an export before.
   */
  private static boolean disabledInScript(ShellScript script, Command pip) {
    for (Assignment a : pip.assignments()) {
      if (a.name().equals(VARIABLE) && TRUTHY.contains(a.value().text())) {
        return true;
      }
    }
    for (Word w : pip.node().words()) {
      if (isTruthyAssignment(w.text())) {
        return true;
      }
    }
    for (Command c : script.commands()) {
      if (c.offset() >= pip.offset()) {
        break;
      }
      if (c.is("export") && c.args().stream().anyMatch(w -> isTruthyAssignment(w.text()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isTruthyAssignment(String text) {
    return text.startsWith(VARIABLE + "=")
        && TRUTHY.contains(text.substring(VARIABLE.length() + 1));
  }
}
