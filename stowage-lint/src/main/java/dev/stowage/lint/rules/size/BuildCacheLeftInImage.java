package dev.stowage.lint.rules.size;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Span;
import dev.stowage.dockerfile.model.Scope;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.dockerfile.shell.Word;
import dev.stowage.lint.Category;
import dev.stowage.lint.DockerfileRule;
import dev.stowage.lint.Fix;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import dev.stowage.lint.rules.performance.BuildCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A build tool's download or build cache written into a layer of the final image, where no hadolint
 * rule looks: Go's build and module caches, npm's {@code ~/.npm}, Maven's {@code ~/.m2}, Gradle's
 * {@code ~/.gradle}, composer's cache, RubyGems documentation and the V8 compile cache yarn 1 writes
 * to {@code /tmp}. They are only useful to the next build, yet every pull downloads them.
 */
@Rule(
    id = "ST2005",
    title = "Build tool cache left in the final image",
    severity = Severity.INFO,
    category = Category.SIZE,
    fixable = true)
public final class BuildCacheLeftInImage implements DockerfileRule {

  /** A cache a tool leaves: its directory, the home-relative fragment that names it, how to drop it. */
  private record Leftover(String tool, String directory, String fragment, String cleanup) {}

  @Override
  public void check(RuleContext ctx) {
    List<Stage> chain = FinalImage.stages(ctx.model());
    boolean rubyBase =
        FinalImage.baseImage(chain).filter(r -> FinalImage.shortName(r).equals("ruby")).isPresent();
    boolean gemrc = false;
    boolean corepack = false; // yarn may then be any version: only yarn 1 keeps a V8 compile cache
    for (Instruction.Run run : FinalImage.runs(chain)) {
      Optional<ShellScript> parsed = ctx.shell(run);
      if (parsed.isEmpty()) {
        continue;
      }
      ShellScript script = parsed.get();
      String text = script.source();
      if (text.contains("gemrc") && text.contains("no-document")) {
        gemrc = true;
      }
      if (script.commands().stream().anyMatch(c -> BuildCommands.program(c).equals("corepack"))) {
        corepack = true;
      }
      Scope scope = ctx.scopeBefore(run);
      // Whatever a step writes below a mount (cache, tmpfs, bind) stays out of its layer.
      List<String> mounts = run.mounts().stream().flatMap(m -> m.target().stream()).map(scope::expandOrRaw).toList();
      // Where yarn's V8 cache goes is looked up only for a RUN that runs yarn (#3 lint speed).
      boolean runsYarn = script.commands().stream().anyMatch(c -> YARN.contains(BuildCommands.program(c)));
      Optional<String> v8Cache = corepack || !runsYarn ? Optional.empty() : v8CompileCache(scope, chain, run);
      for (Command c : script.commands()) {
        Optional<String> message = leftover(c, script, scope, mounts, rubyBase || gemrc, v8Cache);
        if (message.isPresent()) {
          Span span = ctx.shellSpan(run, c.offset(), c.endOffset());
          Optional<Fix> fix = YARN.contains(BuildCommands.program(c)) ? noV8Cache(ctx, run, script) : Optional.empty();
          fix.ifPresentOrElse(f -> ctx.report(span, message.get(), f), () -> ctx.report(span, message.get()));
          break;
        }
      }
    }
  }

  private static final Set<String> YARN = Set.of("yarn", "yarnpkg");

  private static final String NO_V8_CACHE = "DISABLE_V8_COMPILE_CACHE";

  /**
   * The repair of yarn's V8 compile cache: {@code DISABLE_V8_COMPILE_CACHE=1} before every yarn
   * command of the RUN that does not set it already, which changes nothing else the step does
   * (unlike a tmpfs on {@code /tmp}, which would hide and drop whatever else the step keeps
   * there). None when a yarn command runs through a wrapper such as {@code sudo} or {@code
   * su-exec}, which may not pass the variable on.
   */
  private static Optional<Fix> noV8Cache(RuleContext ctx, Instruction.Run run, ShellScript script) {
    List<Fix> edits = new ArrayList<>();
    for (Command c : script.commands()) {
      if (!YARN.contains(BuildCommands.program(c)) || BuildCommands.inEnvironmentOf(script, c, NO_V8_CACHE)) {
        continue;
      }
      if (!c.wrappers().isEmpty() || c.nameWord().isEmpty()) {
        return Optional.empty();
      }
      Word name = c.nameWord().get();
      edits.add(Fix.insertBefore(ctx.shellSpan(run, name.offset(), name.endOffset()).start(), NO_V8_CACHE + "=1 "));
    }
    return edits.stream().reduce(Fix::and);
  }

  /** The programs {@link #leftover} knows; any other command leaves nothing. */
  private static final Set<String> PROGRAMS =
      Set.of("go", "npm", "mvn", "mvnw", "gradle", "gradlew", "composer", "gem", "yarn", "yarnpkg");

  /**
   * Where yarn 1 keeps V8's compile cache when {@code run} starts it: {@code
   * $TMPDIR/v8-compile-cache-UID} (yarn's launcher loads the cache before anything else, whatever
   * the command, and writes it on exit); empty when {@code DISABLE_V8_COMPILE_CACHE} is set.
   */
  private static Optional<String> v8CompileCache(Scope scope, List<Stage> chain, Instruction.Run run) {
    if (scope.lookup(NO_V8_CACHE).filter(v -> !v.isEmpty()).isPresent()) {
      return Optional.empty();
    }
    String uid = "0";
    users:
    for (Stage st : chain) {
      for (Instruction ins : st.instructions()) {
        if (ins == run) {
          break users;
        }
        if (ins instanceof Instruction.User u) {
          String name = u.user().map(scope::expandOrRaw).orElse("root");
          uid = name.equals("root") ? "0" : name.matches("\\d+") ? name : "UID";
        }
      }
    }
    return Optional.of(dir(scope, "TMPDIR", "/tmp").replaceAll("/+$", "") + "/v8-compile-cache-" + uid);
  }

  private static Optional<String> leftover(
      Command c, ShellScript script, Scope scope, List<String> mounts, boolean gemDocsOff, Optional<String> v8Cache) {
    String p = BuildCommands.program(c);
    if (!PROGRAMS.contains(p)) {
      return Optional.empty(); // most commands: nothing below applies (#3 lint speed)
    }
    List<String> pos = BuildCommands.positional(c);
    String sub = pos.isEmpty() ? "" : pos.get(0);
    String shown = "`" + ToolchainInFinalImage.shorten(c.raw()) + "`";
    List<Leftover> left = new ArrayList<>();
    switch (p) {
      case "go" -> {
        if (BuildCommands.goBuilds(c) || sub.equals("test")) {
          left.add(
              new Leftover(
                  "Go build cache", dir(scope, "GOCACHE", "/root/.cache/go-build"), ".cache/go-build",
                  "go clean -cache"));
        }
        if (BuildCommands.goBuilds(c) || sub.equals("test") || sub.equals("get")
            || BuildCommands.is(c, "go", "mod", "download")) {
          left.add(
              new Leftover(
                  "Go module cache", dir(scope, "GOMODCACHE", gopath(scope) + "/pkg/mod"), "/pkg/mod",
                  "go clean -modcache"));
        }
      }
      case "npm" -> {
        if (BuildCommands.nodeProjectInstall(c) || sub.equals("install") || sub.equals("i")) {
          String d =
              BuildCommands.arguments(c).flagValue("--cache")
                  .orElse(dir(scope, "npm_config_cache", dir(scope, "NPM_CONFIG_CACHE", "/root/.npm")));
          left.add(new Leftover("npm cache", d, "/.npm", "npm cache clean --force"));
        }
      }
      case "mvn", "mvnw" -> {
        if (BuildCommands.mavenResolves(c)) {
          left.add(new Leftover("Maven repository", "/root/.m2", "/.m2", "rm -rf /root/.m2"));
        }
      }
      case "gradle", "gradlew" -> {
        if (BuildCommands.gradleBuilds(c) || pos.contains("dependencies")) {
          left.add(
              new Leftover(
                  "Gradle cache", dir(scope, "GRADLE_USER_HOME", "/root/.gradle"), "/.gradle",
                  "rm -rf /root/.gradle"));
        }
      }
      case "composer" -> {
        if ((sub.equals("install") || sub.equals("require") || sub.equals("update"))
            && !BuildCommands.hasFlag(c, "--no-cache")
            && scope.lookup("COMPOSER_CACHE_DIR").filter(v -> v.contains("/dev/null")).isEmpty()) {
          String home = scope.lookup("COMPOSER_HOME").orElse("/root/.composer");
          left.add(
              new Leftover(
                  "composer cache", dir(scope, "COMPOSER_CACHE_DIR", home + "/cache"), "composer",
                  "composer clear-cache"));
        }
      }
      case "gem" -> {
        if (sub.equals("install")
            && !gemDocsOff
            && !BuildCommands.hasFlag(c, "--no-document", "-N", "--no-rdoc", "--no-ri")
            && !BuildCommands.arguments(c).flagValues("--document").contains("")) {
          return Optional.of(
              shown
                  + " also generates the gems' documentation into the final image: add"
                  + " --no-document");
        }
      }
      case "yarn", "yarnpkg" -> {
        if (v8Cache.isEmpty() || BuildCommands.inEnvironmentOf(script, c, NO_V8_CACHE)) {
          return Optional.empty();
        }
        String d = v8Cache.get();
        if (!stays(new Leftover("V8 compile cache", d, "v8-compile-cache", "rm -rf " + d), c, script, mounts)) {
          return Optional.empty();
        }
        return Optional.of(
            shown
                + " leaves yarn's V8 compile cache ("
                + d
                + ", about 2 MB, different on every build) in the final image: set"
                + " DISABLE_V8_COMPILE_CACHE=1 for the step, mount a tmpfs on it"
                + " (RUN --mount=type=tmpfs,target="
                + d.substring(0, Math.max(1, d.lastIndexOf('/')))
                + "), or run `rm -rf "
                + d
                + "` in the same RUN");
      }
      default -> {}
    }
    List<Leftover> kept = left.stream().filter(l -> stays(l, c, script, mounts)).toList();
    if (kept.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        shown
            + " leaves the "
            + String.join(" and the ", kept.stream().map(l -> l.tool() + " (" + l.directory() + ")").toList())
            + " in the final image: use a cache mount (RUN --mount=type=cache,target="
            + kept.get(0).directory()
            + "), run `"
            + kept.get(0).cleanup()
            + "` in the same RUN, or build in an earlier stage");
  }

  /** Whether the cache reaches the layer: no mount over its folder, no clean-up after {@code c}. */
  private static boolean stays(Leftover l, Command c, ShellScript script, List<String> mounts) {
    return mounts.stream().noneMatch(t -> t.contains(l.fragment()) || covers(t, l.directory()))
        && !cleaned(c, script, l);
  }

  private static boolean cleaned(Command c, ShellScript script, Leftover l) {
    for (Command after : script.commandsAfter(c)) {
      String raw = after.raw();
      String p = BuildCommands.program(after);
      if (p.equals("rm")) {
        for (String arg : BuildCommands.positional(after)) {
          String a = arg.replace("${HOME}", "/root").replace("$HOME", "/root").replaceFirst("^~", "/root");
          if (covers(a, l.directory()) || a.contains(l.fragment())) {
            return true;
          }
        }
      } else if (raw.contains(l.cleanup()) || cleanupMatches(after, l)) {
        return true;
      }
    }
    return false;
  }

  private static boolean cleanupMatches(Command c, Leftover l) {
    return switch (l.cleanup()) {
      case "npm cache clean --force" -> BuildCommands.is(c, "npm", "cache", "clean");
      case "go clean -cache" -> BuildCommands.is(c, "go", "clean") && BuildCommands.hasFlag(c, "-cache");
      case "go clean -modcache" -> BuildCommands.is(c, "go", "clean") && BuildCommands.hasFlag(c, "-modcache");
      case "composer clear-cache" ->
          BuildCommands.is(c, "composer", "clear-cache") || BuildCommands.is(c, "composer", "clearcache");
      default -> false;
    };
  }

  private static String dir(Scope scope, String env, String fallback) {
    return scope.lookup(env).filter(v -> !v.isBlank()).map(scope::expandOrRaw).orElse(fallback);
  }

  private static String gopath(Scope scope) {
    return scope.lookup("GOPATH").filter(v -> !v.isBlank()).map(v -> scope.expandOrRaw(v).split(":")[0]).orElse("/go");
  }

  private static boolean covers(String removed, String dir) {
    String r = removed.replaceAll("/\\*?$", "");
    String d = dir.replaceAll("/+$", "");
    return !r.isEmpty() && (r.equals(d) || d.startsWith(r + "/"));
  }
}
