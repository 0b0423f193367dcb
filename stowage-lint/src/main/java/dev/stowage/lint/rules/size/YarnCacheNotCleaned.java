package dev.stowage.lint.rules.size;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Mount;
import dev.stowage.dockerfile.model.Base;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code yarn install} fills Yarn's global cache, which then ships in the layer (often hundreds of
 * megabytes). Clean it in the same RUN, remove the cache folder, or put it on a cache mount. RUNs
 * in builder stages whose layers never reach the target image are not reported.
 */
@Rule(
    id = "DL3060",
    title = "yarn cache clean missing after yarn install was run",
    severity = Severity.INFO,
    category = Category.SIZE)
public final class YarnCacheNotCleaned implements InstructionRule<Instruction.Run> {
  private static final List<String> CACHE_DIRS =
      List.of("/usr/local/share/.cache/yarn", "/root/.cache/yarn", "/home/node/.cache/yarn");

  @Override
  public Class<Instruction.Run> type() {
    return Instruction.Run.class;
  }

  @Override
  public void check(Instruction.Run run, RuleContext ctx) {
    if (run.mounts().stream().anyMatch(YarnCacheNotCleaned::isCacheMount)
        || !ctx.inOnbuild() && ctx.stage().filter(s -> !inTargetImage(s, ctx)).isPresent()) {
      return; // a builder stage's cache never reaches the image the build produces
    }
    ctx.shell(run).ifPresent(script -> {
      for (Command c : script.commands()) {
        if (isInstall(c) && !cleanedAfter(script, c)) {
          ctx.report(
              ctx.shellSpan(run, c.offset(), c.endOffset()),
              "`" + c.raw() + "` leaves Yarn's cache in the layer; run `yarn cache clean` afterwards in"
                  + " the same RUN, or use a cache mount.");
          return;
        }
      }
    });
  }

  /** {@code yarn install}, or bare {@code yarn}, which installs too. */
  private static boolean isInstall(Command c) {
    return c.is("yarn", "install")
        || (c.is("yarn")
            && c.argsWithoutFlags().isEmpty()
            && !c.hasFlag("--version", "-v", "--help", "-h"));
  }

  private static boolean cleanedAfter(ShellScript script, Command install) {
    if (script.commandsAfter(install).stream().anyMatch(c -> c.is("yarn", "cache", "clean"))) {
      return true;
    }
    return CACHE_DIRS.stream().anyMatch(d -> script.isRemovedAfter(install, d));
  }

  /** Whether the stage's layers are in the target image: the target itself or one of its parents. */
  static boolean inTargetImage(Stage stage, RuleContext ctx) {
    List<Stage> stages = ctx.model().stages();
    Stage s = ctx.model().target().or(() -> ctx.model().finalStage()).orElse(null);
    Set<Integer> seen = new HashSet<>();
    while (s != null && seen.add(s.index())) {
      if (s.index() == stage.index()) {
        return true;
      }
      s = s.base() instanceof Base.StageBase b && b.stage() < stages.size() ? stages.get(b.stage()) : null;
    }
    return false;
  }

  private static boolean isCacheMount(Mount m) {
    return m.type().equals("cache") && m.target().map(t -> t.contains("yarn") || t.contains("/.cache")).orElse(false);
  }
}
