package dev.stowage.lint.rules.performance;

import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.dockerfile.Flag;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Mount;
import dev.stowage.dockerfile.Span;
import dev.stowage.dockerfile.model.Base;
import dev.stowage.dockerfile.model.DockerfileModel;
import dev.stowage.dockerfile.model.Scope;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.dockerfile.shell.Word;
import dev.stowage.lint.Edit;
import dev.stowage.lint.Fix;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.rules.ShellEdits;
import dev.stowage.lint.rules.Stages;
import dev.stowage.lint.rules.performance.MissingCacheMount.Cache;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ST1002's repair: the missing {@code --mount=type=cache} flags on a RUN, and the clean-up in that
 * RUN that the mounts make pointless. Offered only where the cache directory is known and the
 * mount cannot take anything away from later steps; otherwise the finding has no fix.
 */
final class CacheMountFix {
  private CacheMountFix() {}

  /** Package managers whose cache the fix leaves alone (see docs/rules/ST1002.md). */
  private static final Set<Cache> NOT_FIXED =
      Set.of(MissingCacheMount.APK, MissingCacheMount.DNF, MissingCacheMount.YUM, MissingCacheMount.ZYPPER);

  /**
   * Caches that are also where the tool reads its dependencies from in later steps (a module
   * cache, a local repository): a mount hides them from the layer, so a later step in the stage
   * that builds offline would miss them.
   */
  private static final Set<Cache> STORES =
      Set.of(
          MissingCacheMount.GO_MODULES, MissingCacheMount.MAVEN, MissingCacheMount.GRADLE,
          MissingCacheMount.CARGO, MissingCacheMount.NUGET);

  /** Dockerfile frontends before 1.2 reject {@code RUN --mount} (1.0 and 1.1 only as experimental). */
  private static final Pattern OLD_FRONTEND =
      Pattern.compile("(docker\\.io/)?docker/dockerfile:1\\.[01](\\.\\d+)?(@.*)?");

  /** Whether the {@code # syntax=} directive, if any, names a frontend known to accept cache mounts. */
  static boolean frontendMounts(Dockerfile df) {
    Optional<String> syntax = df.directives().syntax();
    if (syntax.isEmpty()) {
      return true; // the engine's built-in frontend: cache mounts since Docker 18.09 with BuildKit
    }
    String s = syntax.get().strip();
    return (s.startsWith("docker/dockerfile:") || s.startsWith("docker.io/docker/dockerfile:"))
        && !OLD_FRONTEND.matcher(s).matches();
  }

  static Optional<Fix> of(Instruction.Run run, ShellScript script, Map<Cache, String> needed, RuleContext ctx) {
    if (!frontendMounts(ctx.dockerfile())) {
      return Optional.empty();
    }
    DockerfileModel model = ctx.model();
    Optional<String> user = ShellEdits.userBefore(model, run);
    if (user.isPresent() && !ShellEdits.isRoot(user.get())) {
      return Optional.empty(); // another home, and a root-owned mount it could not write
    }
    Scope scope = ctx.scope();
    String home = scope.lookup("HOME").map(scope::expandOrRaw).filter(h -> !h.isBlank()).orElse("/root");
    List<String> targets = new ArrayList<>();
    List<String> mounts = new ArrayList<>();
    boolean lists = false;
    for (Map.Entry<Cache, String> e : needed.entrySet()) {
      Cache cache = e.getKey();
      Optional<String> dir = target(cache, e.getValue(), home, script, run, ctx);
      if (dir.isEmpty()) {
        return Optional.empty();
      }
      targets.add(dir.get());
      if (cache == MissingCacheMount.APT) {
        mounts.add("--mount=type=cache,target=" + dir.get() + ",sharing=locked");
        if (listsCanMove(run, script, ctx)) {
          lists = true;
          targets.add(MissingCacheMount.APT_LISTS);
          mounts.add("--mount=type=cache,target=" + MissingCacheMount.APT_LISTS + ",sharing=locked");
        }
      } else {
        mounts.add("--mount=type=cache,target=" + dir.get());
      }
    }
    List<Edit> edits = new ArrayList<>();
    edits.add(ShellEdits.flagsInsertion(ctx, run, String.join(" ", mounts)));
    // A store (Go modules, Maven's repository, ...) is mounted on every RUN of the stage that uses it.
    int i = 0;
    for (Cache cache : needed.keySet()) {
      String target = targets.get(i++);
      if (cache == MissingCacheMount.APT && lists) {
        i++; // the lists target follows apt's
      }
      if (!STORES.contains(cache)) {
        continue;
      }
      Optional<List<Instruction.Run>> others = sharers(cache, target, run, ctx);
      if (others.isEmpty()) {
        return Optional.empty();
      }
      for (Instruction.Run other : others.get()) {
        edits.add(ShellEdits.flagsInsertion(ctx, other, "--mount=type=cache,target=" + target));
      }
    }
    for (Command c : script.commands()) {
      if (pointless(c, needed, targets, lists)) {
        ShellEdits.commandRemoval(ctx, run, script, c).ifPresent(s -> edits.add(new Edit(s, "")));
      } else if (needed.containsKey(MissingCacheMount.PIP) && isPip(c)) {
        for (Word w : c.words()) {
          if (w.text().equals("--no-cache-dir")) {
            edits.add(new Edit(ShellEdits.wordRemoval(ctx, run, script, w), ""));
          }
        }
      }
    }
    try {
      return Optional.of(new Fix(edits));
    } catch (IllegalArgumentException overlapping) {
      return Optional.empty();
    }
  }

  /** The mount target for a cache, or empty when it is not known for sure or the mount is unsafe. */
  private static Optional<String> target(
      Cache cache, String dir, String home, ShellScript script, Instruction.Run run, RuleContext ctx) {
    if (NOT_FIXED.contains(cache)) {
      return Optional.empty();
    }
    Scope scope = ctx.scope();
    String d = dir;
    if (d.equals(cache.directory()) && cache.envs().stream().anyMatch(scope::isDeclared)) {
      return Optional.empty(); // moved by a variable whose value is not known here
    }
    if (cache == MissingCacheMount.PIP
        && (scope.lookup("PIP_NO_CACHE_DIR").isPresent() || assigned(script, "PIP_NO_CACHE_DIR"))) {
      return Optional.empty(); // pip would not use the mount
    }
    if ((cache == MissingCacheMount.UV || cache == MissingCacheMount.POETRY)
        && (script.commands().stream().anyMatch(c -> BuildCommands.hasFlag(c, "--no-cache"))
            || scope.lookup("UV_NO_CACHE").isPresent())) {
      return Optional.empty();
    }
    if (cache == MissingCacheMount.BUNDLER && d.equals(cache.directory()) && !baseIs(ctx, run, "ruby")) {
      return Optional.empty(); // GEM_HOME is /usr/local/bundle only in the ruby images
    }
    if (cache == MissingCacheMount.COMPOSER && d.equals(cache.directory())) {
      Optional<String> composerHome = scope.lookup("COMPOSER_HOME").map(scope::expandOrRaw);
      if (composerHome.isPresent()) {
        d = composerHome.get() + "/cache";
      } else if (baseIs(ctx, run, "composer")) {
        d = "/tmp/cache"; // the composer image sets COMPOSER_HOME=/tmp
      }
    }
    if (d.equals(cache.directory()) && d.startsWith("/root/")) {
      d = home + d.substring("/root".length());
    }
    if (!d.startsWith("/") || d.chars().anyMatch(ch -> ch == '$' || ch == ',' || ch == '"' || Character.isWhitespace(ch))) {
      return Optional.empty();
    }
    if (STORES.contains(cache) && (usedInOtherStages(cache, run, ctx) || hasChildStage(run, ctx.model()))) {
      return Optional.empty();
    }
    return Optional.of(d);
  }

  private static boolean assigned(ShellScript script, String name) {
    return script.commands().stream().anyMatch(c -> c.assignments().stream().anyMatch(a -> a.name().equals(name)));
  }

  private static boolean baseIs(RuleContext ctx, Instruction.Run run, String repository) {
    Optional<Stage> stage = ctx.stageOf(run);
    if (stage.isEmpty()) {
      return false;
    }
    Stage root = Stages.lineage(ctx.model(), stage.get()).get(0);
    if (!(root.base() instanceof Base.Image img)) {
      return false;
    }
    String r = img.reference().repository();
    return r.equals(repository) || r.equals("library/" + repository);
  }

  /**
   * A RUN of a parent stage uses the same store: the mount would hide what that stage left in its
   * layers. (Other RUNs of the same stage get the mount too, see {@link #sharers}.)
   */
  private static boolean usedInOtherStages(Cache cache, Instruction.Run run, RuleContext ctx) {
    Optional<Stage> stage = ctx.stageOf(run);
    if (stage.isEmpty()) {
      return true;
    }
    for (Stage s : Stages.lineage(ctx.model(), stage.get())) {
      if (s == stage.get()) {
        continue;
      }
      for (Instruction.Run other : s.instructions(Instruction.Run.class)) {
        if (ctx.shell(other).filter(sc -> uses(sc, cache)).isPresent()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The other RUNs of the stage that use a store ({@code go mod download} and {@code go build},
   * {@code mvn dependency:go-offline} and {@code mvn package}) and have no mount at {@code target}
   * yet: they get the same mount in the same fix, so that all of them share one cache and none
   * reads a layer the mount hides. Empty when one of them could not take it (a non-root user).
   */
  private static Optional<List<Instruction.Run>> sharers(
      Cache cache, String target, Instruction.Run run, RuleContext ctx) {
    Optional<Stage> stage = ctx.stageOf(run);
    if (stage.isEmpty()) {
      return Optional.empty();
    }
    List<Instruction.Run> out = new ArrayList<>();
    for (Instruction.Run other : stage.get().instructions(Instruction.Run.class)) {
      if (other == run || ctx.shell(other).filter(sc -> uses(sc, cache)).isEmpty()) {
        continue;
      }
      if (other.mounts().stream().anyMatch(m -> m.target().filter(t -> MissingCacheMount.covers(t, target)).isPresent())) {
        continue;
      }
      Optional<String> user = ShellEdits.userBefore(ctx.model(), other);
      if (user.isPresent() && !ShellEdits.isRoot(user.get())) {
        return Optional.empty();
      }
      out.add(other);
    }
    return Optional.of(out);
  }

  private static boolean uses(ShellScript script, Cache cache) {
    return script.commands().stream().anyMatch(c -> MissingCacheMount.caches(c).contains(cache));
  }

  /** A later stage is built FROM this one, and may expect the store in its layers. */
  private static boolean hasChildStage(Instruction.Run run, DockerfileModel model) {
    Optional<Stage> stage = model.stageOf(run);
    return stage.isEmpty()
        || model.stages().stream()
            .anyMatch(s -> s.base() instanceof Base.StageBase b && b.stage() == stage.get().index());
  }

  /**
   * Whether apt's package lists can live on a cache mount: this RUN downloads them itself ({@code
   * apt-get update} before its first install), and no later RUN of the stage (or of a stage built
   * on it) installs from the lists this one leaves.
   */
  private static boolean listsCanMove(Instruction.Run run, ShellScript script, RuleContext ctx) {
    if (!updatesBeforeInstall(script) || run.mounts().stream().anyMatch(m -> m.target().isPresent() && isListsDir(m.target().get()))) {
      return false;
    }
    Optional<Stage> stage = ctx.stageOf(run);
    if (stage.isEmpty()) {
      return false;
    }
    boolean after = false;
    for (Stage s : ctx.model().stages()) {
      if (!Stages.lineage(ctx.model(), s).contains(stage.get())) {
        continue;
      }
      for (Instruction.Run other : s.instructions(Instruction.Run.class)) {
        if (other == run) {
          after = true;
          continue;
        }
        if ((after || s.index() != stage.get().index())
            && ctx.shell(other).filter(sc -> installsWithoutUpdate(sc)).isPresent()) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean isListsDir(String target) {
    String t = target.replaceAll("/+$", "");
    return t.equals("/var/lib/apt") || t.equals(MissingCacheMount.APT_LISTS);
  }

  private static boolean isApt(Command c) {
    String p = BuildCommands.program(c);
    return p.equals("apt-get") || p.equals("apt");
  }

  private static boolean updatesBeforeInstall(ShellScript script) {
    for (Command c : script.commands()) {
      if (isApt(c)) {
        String sub = BuildCommands.subcommand(c).orElse("");
        if (sub.equals("update")) {
          return true;
        }
        if (!sub.equals("clean")) {
          return false;
        }
      }
    }
    return false;
  }

  private static boolean installsWithoutUpdate(ShellScript script) {
    for (Command c : script.commands()) {
      if (BuildCommands.program(c).equals("apt-cache")) {
        return true; // it reads the lists too
      }
      if (isApt(c)) {
        String sub = BuildCommands.subcommand(c).orElse("");
        if (sub.equals("update")) {
          return false;
        }
        if (Set.of("install", "upgrade", "dist-upgrade", "full-upgrade", "build-dep", "source").contains(sub)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isPip(Command c) {
    String p = BuildCommands.program(c);
    return p.equals("pip") || p.equals("pip3");
  }

  /** A clean-up command whose only effect now falls on the new cache mounts. */
  /** Whether {@code c} is clean-up that the new cache mounts make pointless. */
  private static boolean pointless(Command c, Map<Cache, String> needed, List<String> targets, boolean lists) {
    // Only the cases split the arguments: most commands are other programs (#3 lint speed).
    return switch (BuildCommands.program(c)) {
      case "rm" -> {
        List<String> pos = BuildCommands.positional(c);
        yield !pos.isEmpty() && pos.stream().allMatch(a -> targets.stream().anyMatch(t -> under(a, t)));
      }
      case "apt-get", "apt" ->
          needed.containsKey(MissingCacheMount.APT) && BuildCommands.positional(c).equals(List.of("clean"));
      case "npm" -> needed.containsKey(MissingCacheMount.NPM) && BuildCommands.is(c, "npm", "cache", "clean");
      case "yarn" -> needed.containsKey(MissingCacheMount.YARN) && BuildCommands.is(c, "yarn", "cache", "clean");
      case "composer" ->
          needed.containsKey(MissingCacheMount.COMPOSER)
              && (BuildCommands.positional(c).equals(List.of("clear-cache"))
                  || BuildCommands.positional(c).equals(List.of("clearcache")));
      default -> false;
    };
  }

  /** Whether an rm argument names only the contents of the mount target (or the target itself). */
  private static boolean under(String arg, String target) {
    String a = TRAILING_SLASHES.matcher(TRAILING_GLOBS.matcher(arg).replaceAll("")).replaceAll("");
    String t = TRAILING_SLASHES.matcher(target).replaceAll("");
    return a.equals(t) || a.startsWith(t + "/");
  }

  // Compiled once: asked for every rm argument of every RUN with a cache mount (#3 lint speed).
  private static final Pattern TRAILING_GLOBS = Pattern.compile("(/\\*)+$");
  private static final Pattern TRAILING_SLASHES = Pattern.compile("/+$");

  /** The apt mount's flag with {@code sharing=locked} added, when it names no sharing mode yet. */
  static Optional<Fix> lockSharing(Flag flag, Mount m) {
    if (m.fields().containsKey("sharing") || flag.text().endsWith("\"") || flag.text().endsWith("'")) {
      return Optional.empty();
    }
    return Optional.of(Fix.insertBefore(flag.span().end(), ",sharing=locked"));
  }
}
