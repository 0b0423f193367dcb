package dev.stowage.lint.rules.performance;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Mount;
import dev.stowage.dockerfile.model.Scope;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.lint.Category;
import dev.stowage.lint.Fix;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A package-manager or build-tool step without a BuildKit cache mount for the tool's download
 * cache: whenever the step re-runs it downloads everything again.
 */
@Rule(
    id = "ST1002",
    title = "Package manager runs without a BuildKit cache mount",
    severity = Severity.INFO,
    category = Category.PERFORMANCE,
    fixable = true)
public final class MissingCacheMount implements InstructionRule<Instruction.Run> {

  /**
   * One tool's download cache: its default directory (for root), the environment variables or
   * flags that move it, and path fragments that identify it under any home directory.
   */
  record Cache(String directory, List<String> envs, List<String> fragments) {
    boolean coveredBy(String target) {
      String t = strip(target);
      String d = strip(directory);
      return t.equals(d)
          || d.startsWith(t + "/")
          || t.startsWith(d + "/")
          || fragments.stream().anyMatch(t::contains);
    }
  }

  /** apt's package lists: cached beside the archives, so {@code apt-get update} fetches only changes. */
  static final String APT_LISTS = "/var/lib/apt/lists";

  static final Cache APT = new Cache("/var/cache/apt", List.of(), List.of("/var/cache/apt"));
  static final Cache APK = new Cache("/var/cache/apk", List.of(), List.of("/etc/apk/cache"));
  static final Cache DNF =
      new Cache("/var/cache/dnf", List.of(), List.of("/var/cache/yum", "/var/cache/libdnf5"));
  static final Cache YUM = new Cache("/var/cache/yum", List.of(), List.of("/var/cache/dnf"));
  static final Cache ZYPPER = new Cache("/var/cache/zypp", List.of(), List.of());
  static final Cache PIP =
      new Cache("/root/.cache/pip", List.of("PIP_CACHE_DIR"), List.of(".cache/pip"));
  static final Cache POETRY =
      new Cache(
          "/root/.cache/pypoetry", List.of("POETRY_CACHE_DIR"), List.of("pypoetry", ".cache/pip"));
  static final Cache UV = new Cache("/root/.cache/uv", List.of("UV_CACHE_DIR"), List.of(".cache/uv"));
  static final Cache NPM =
      new Cache("/root/.npm", List.of("npm_config_cache", "NPM_CONFIG_CACHE"), List.of("/.npm"));
  static final Cache YARN =
      new Cache(
          "/usr/local/share/.cache/yarn",
          List.of("YARN_CACHE_FOLDER"),
          List.of(".cache/yarn", ".yarn/berry/cache", "/yarn"));
  static final Cache PNPM =
      new Cache(
          "/root/.local/share/pnpm/store",
          List.of("PNPM_STORE_DIR", "npm_config_store_dir"),
          List.of("pnpm"));
  static final Cache GO_MODULES =
      new Cache("/go/pkg/mod", List.of("GOMODCACHE"), List.of("/pkg/mod"));
  static final Cache GO_BUILD =
      new Cache("/root/.cache/go-build", List.of("GOCACHE"), List.of(".cache/go-build"));
  static final Cache CARGO =
      new Cache("/usr/local/cargo/registry", List.of(), List.of("cargo/registry", "/.cargo"));
  static final Cache MAVEN = new Cache("/root/.m2", List.of(), List.of("/.m2"));
  static final Cache GRADLE =
      new Cache("/root/.gradle", List.of("GRADLE_USER_HOME"), List.of("/.gradle"));
  static final Cache BUNDLER =
      new Cache(
          "/usr/local/bundle/cache",
          List.of("BUNDLE_USER_CACHE", "BUNDLE_CACHE_PATH"),
          List.of(".bundle/cache", "/bundle", "/gems"));
  static final Cache COMPOSER =
      new Cache(
          "/root/.composer/cache",
          List.of("COMPOSER_CACHE_DIR"),
          List.of("composer", "/tmp/cache"));
  static final Cache NUGET =
      new Cache("/root/.nuget/packages", List.of("NUGET_PACKAGES"), List.of(".nuget"));

  @Override
  public Class<Instruction.Run> type() {
    return Instruction.Run.class;
  }

  @Override
  public void check(Instruction.Run run, RuleContext ctx) {
    if (ctx.inOnbuild()) {
      return;
    }
    Optional<ShellScript> script = ctx.shell(run);
    if (script.isEmpty()) {
      return;
    }
    Scope scope = ctx.scope();
    List<Mount> caches = run.mounts().stream().filter(Mount::isCache).toList();
    List<String> targets =
        caches.stream().flatMap(m -> m.target().stream()).map(scope::expandOrRaw).toList();
    // tool name -> missing cache directories, in order of first use
    Map<String, List<String>> missing = new LinkedHashMap<>();
    Optional<Command> first = Optional.empty();
    boolean apt = false;
    java.util.Set<String> disabled = new java.util.TreeSet<>();
    Map<Cache, String> needed = new LinkedHashMap<>();
    for (Command c : script.get().commands()) {
      String tool = BuildCommands.program(c);
      for (Cache cache : caches(c)) {
        if (cache == APT) {
          apt = true;
        }
        String dir = directory(cache, c, scope);
        boolean mounted =
            targets.stream().anyMatch(t -> cache.coveredBy(t) || covers(t, dir));
        if (!mounted) {
          needed.putIfAbsent(cache, dir);
          List<String> dirs = missing.computeIfAbsent(tool, k -> new ArrayList<>());
          List<String> shown =
              cache == APT
                  ? List.of(dir + ",sharing=locked", APT_LISTS + ",sharing=locked")
                  : List.of(dir);
          for (String d : shown) {
            if (!dirs.contains(d)) {
              dirs.add(d);
            }
          }
          if (first.isEmpty()) {
            first = Optional.of(c);
          }
          if ((cache == APK && BuildCommands.hasFlag(c, "--no-cache"))
              || (cache == PIP && BuildCommands.hasFlag(c, "--no-cache-dir"))) {
            disabled.add((cache == APK ? "--no-cache" : "--no-cache-dir"));
          }
        }
      }
    }
    if (first.isPresent()) {
      List<String> mounts = new ArrayList<>();
      missing.values().forEach(ds -> ds.forEach(d -> mounts.add("--mount=type=cache,target=" + d)));
      Command c = first.get();
      Optional<Fix> fix = CacheMountFix.of(run, script.get(), needed, ctx);
      report(
          ctx,
          ctx.shellSpan(run, c.offset(), c.endOffset()),
          String.join(" and ", missing.keySet())
              + " download"
              + (missing.size() == 1 ? "s" : "")
              + " again whenever this step re-runs: add `RUN "
              + String.join(" ", mounts)
              + "` so rebuilds reuse the cache"
              + (disabled.isEmpty() ? "" : " and drop " + String.join(" and ", disabled))
              + (missing.containsKey("apt-get") || missing.containsKey("apt")
                  ? " (on Debian and Ubuntu also delete /etc/apt/apt.conf.d/docker-clean, which"
                      + " empties it)"
                  : ""),
          fix);
      return;
    }
    if (apt) {
      caches.stream()
          .filter(m -> m.target().map(scope::expandOrRaw).filter(APT::coveredBy).isPresent())
          .filter(m -> !m.sharing().equals("locked"))
          .findFirst()
          .ifPresent(
              m -> {
                Optional<dev.stowage.dockerfile.Flag> flag = mountFlag(run, m);
                report(
                    ctx,
                    flag.map(f -> f.span()).orElse(run.span()),
                    "apt locks its cache directory, so with sharing="
                        + m.sharing()
                        + " parallel builds using this mount fail or corrupt it: add sharing=locked",
                    flag.flatMap(f -> CacheMountFix.lockSharing(f, m)));
              });
    }
  }

  private static Optional<dev.stowage.dockerfile.Flag> mountFlag(Instruction.Run run, Mount m) {
    return run.flags().stream()
        .filter(f -> f.name().equals("mount") && Mount.parse(f.valueOrEmpty()).equals(m))
        .findFirst();
  }

  private static void report(RuleContext ctx, dev.stowage.dockerfile.Span span, String message, Optional<Fix> fix) {
    if (fix.isPresent()) {
      ctx.report(span, message, fix.get());
    } else {
      ctx.report(span, message);
    }
  }

  /** The cache directory the tool uses here: moved by a flag or environment variable, or the default. */
  static String directory(Cache cache, Command c, Scope scope) {
    Optional<String> flag =
        cache == NPM
            ? BuildCommands.arguments(c).flagValue("--cache")
            : cache == YARN
                ? BuildCommands.arguments(c).flagValue("--cache-folder")
                : cache == PNPM
                    ? BuildCommands.arguments(c).flagValue("--store-dir")
                    : cache == PIP ? BuildCommands.arguments(c).flagValue("--cache-dir") : Optional.empty();
    if (flag.isPresent()) {
      return scope.expandOrRaw(flag.get());
    }
    for (String env : cache.envs()) {
      Optional<String> assigned =
          c.assignments().stream()
              .filter(a -> a.name().equals(env))
              .map(a -> a.value().text())
              .findFirst();
      Optional<String> v = assigned.isPresent() ? assigned : scope.lookup(env);
      if (v.isPresent() && !v.get().isBlank()) {
        return scope.expandOrRaw(v.get());
      }
    }
    if (cache == GO_MODULES) {
      Optional<String> gopath = scope.lookup("GOPATH");
      if (gopath.isPresent() && !gopath.get().isBlank()) {
        return scope.expandOrRaw(gopath.get()).split(":")[0] + "/pkg/mod";
      }
    }
    if (cache == CARGO) {
      Optional<String> home = scope.lookup("CARGO_HOME");
      if (home.isPresent() && !home.get().isBlank()) {
        return scope.expandOrRaw(home.get()) + "/registry";
      }
    }
    return cache.directory();
  }

  /** Whether a mount at {@code target} holds {@code dir}. */
  static boolean covers(String target, String dir) {
    String t = strip(target);
    String d = strip(dir);
    return !t.isEmpty() && (t.equals(d) || d.startsWith(t + "/"));
  }

  private static String strip(String path) {
    String p = path.strip();
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  /**
   * The caches a command downloads into. Only the cases below split the command's arguments:
   * most commands of a RUN are other programs (#3 lint speed).
   */
  static List<Cache> caches(Command c) {
    String p = BuildCommands.program(c);
    return switch (p) {
      case "apt-get", "apt" ->
          subIs(c, "install upgrade dist-upgrade full-upgrade build-dep") ? List.of(APT) : List.of();
      case "apk" -> subIs(c, "add upgrade") ? List.of(APK) : List.of();
      case "dnf", "microdnf", "dnf5" ->
          subIs(c, "install in upgrade update groupinstall builddep") ? List.of(DNF) : List.of();
      case "yum" -> subIs(c, "install upgrade update groupinstall") ? List.of(YUM) : List.of();
      case "zypper" -> subIs(c, "install in update up dist-upgrade dup") ? List.of(ZYPPER) : List.of();
      case "pip", "pip3" ->
          subIs(c, "install") && !BuildCommands.hasFlag(c, "--no-index") ? List.of(PIP) : List.of();
      case "poetry" -> subIs(c, "install sync") ? List.of(POETRY) : List.of();
      case "uv" ->
          subIs(c, "sync") || BuildCommands.is(c, "uv", "pip", "install")
              ? List.of(UV)
              : List.of();
      case "npm" -> subIs(c, "install i ci isntall add") ? List.of(NPM) : List.of();
      case "yarn" ->
          BuildCommands.nodeProjectInstall(c) || subIs(c, "add") ? List.of(YARN) : List.of();
      case "pnpm" -> subIs(c, "install i add fetch") ? List.of(PNPM) : List.of();
      case "go" -> {
        if (BuildCommands.is(c, "go", "mod", "download") || subIs(c, "get")) {
          yield List.of(GO_MODULES);
        }
        yield subIs(c, "build install test") ? List.of(GO_MODULES, GO_BUILD) : List.of();
      }
      case "cargo" -> subIs(c, "build fetch install test") ? List.of(CARGO) : List.of();
      case "mvn", "mvnw" ->
          BuildCommands.positional(c).isEmpty()
                  || BuildCommands.hasFlag(c, "-v", "--version", "-o", "--offline")
              ? List.of()
              : List.of(MAVEN);
      case "gradle", "gradlew" ->
          BuildCommands.positional(c).isEmpty() || BuildCommands.hasFlag(c, "--offline")
              ? List.of()
              : List.of(GRADLE);
      case "bundle", "bundler" -> BuildCommands.bundleInstalls(c) ? List.of(BUNDLER) : List.of();
      case "composer" -> subIs(c, "install update require") ? List.of(COMPOSER) : List.of();
      case "dotnet" -> subIs(c, "restore build publish") ? List.of(NUGET) : List.of();
      default -> List.of();
    };
  }

  /** Whether the command's first positional argument is one of the blank-separated names. */
  private static boolean subIs(Command c, String names) {
    String sub = BuildCommands.subcommand(c).orElse("");
    for (String n : names.split(" ")) {
      if (n.equals(sub)) {
        return true;
      }
    }
    return false;
  }
}
