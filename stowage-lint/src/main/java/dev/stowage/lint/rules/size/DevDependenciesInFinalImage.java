package dev.stowage.lint.rules.size;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.model.Scope;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.dockerfile.shell.Arguments;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.lint.Category;
import dev.stowage.lint.DockerfileRule;
import dev.stowage.lint.Fix;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import dev.stowage.lint.rules.performance.BuildCommands;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A dependency install in the final image that includes development dependencies (test runners,
 * linters, bundlers, type definitions): npm without {@code --omit=dev}, a dev requirements file,
 * composer without {@code --no-dev}, bundler without excluding its development and test groups.
 * They are often larger than the production dependencies and are never used at run time.
 */
@Rule(
    id = "ST2004",
    title = "Development dependencies installed in the final image",
    severity = Severity.WARNING,
    category = Category.SIZE,
    fixable = true)
public final class DevDependenciesInFinalImage implements DockerfileRule {

  private static final Pattern DEV_REQUIREMENTS =
      Pattern.compile("(^|[/_.-])(dev|devel|development|test|tests|testing|lint|docs?)([/_.-]|$)");

  /** The programs {@link #problem} knows; any other command has none. */
  private static final Set<String> PROGRAMS =
      Set.of(
          "npm", "yarn", "pnpm", "pip", "pip3", "uv", "poetry", "pipenv", "composer", "bundle",
          "bundler");

  @Override
  public void check(RuleContext ctx) {
    List<Stage> chain = FinalImage.stages(ctx.model());
    List<Instruction.Run> runs = FinalImage.runs(chain);
    for (int i = 0; i < runs.size(); i++) {
      Instruction.Run run = runs.get(i);
      Optional<ShellScript> script = ctx.shell(run);
      if (script.isEmpty()) {
        continue;
      }
      Scope scope = ctx.scopeBefore(run);
      for (Command c : script.get().commands()) {
        Optional<String> problem = problem(
                c, scope, script.get(), runs.subList(0, i), runs.subList(i + 1, runs.size()), ctx);
        if (problem.isPresent()) {
          ShellScript shell = script.get();
          Optional<Fix> fix =
              BuildCommands.nodeProjectInstall(c)
                  ? StageSplitFix.nodeRuntime(ctx, c).or(() -> ProductionInstallFix.npm(ctx, run, shell, c))
                  : Optional.empty();
          if (fix.isPresent()) {
            ctx.report(ctx.shellSpan(run, c.offset(), c.endOffset()), problem.get(), fix.get());
          } else {
            ctx.report(ctx.shellSpan(run, c.offset(), c.endOffset()), problem.get());
          }
          break;
        }
      }
    }
  }

  private static Optional<String> problem(
      Command c,
      Scope scope,
      ShellScript script,
      List<Instruction.Run> earlier,
      List<Instruction.Run> later,
      RuleContext ctx) {
    String p = BuildCommands.program(c);
    if (!PROGRAMS.contains(p)) {
      return Optional.empty(); // most commands: nothing below applies (#3 lint speed)
    }
    Arguments args = BuildCommands.arguments(c);
    List<String> pos = args.positionalTexts();
    String sub = pos.isEmpty() ? "" : pos.get(0);
    String shown = "`" + ToolchainInFinalImage.shorten(c.raw()) + "`";
    if (BuildCommands.nodeProjectInstall(c)) {
      boolean prod =
          switch (p) {
            case "npm" ->
                args.flagValues("--omit").contains("dev")
                    || args.flagValue("--only").filter(v -> v.startsWith("prod")).isPresent()
                    || args.hasFlag("--production")
                    || env(c, scope, "npm_config_omit").filter(v -> v.contains("dev")).isPresent()
                    || env(c, scope, "NPM_CONFIG_OMIT").filter(v -> v.contains("dev")).isPresent()
                    || env(c, scope, "npm_config_production").filter("true"::equals).isPresent();
            case "yarn" -> args.hasFlag("--production", "--prod");
            default -> args.hasFlag("--prod", "-P", "--production");
          };
      prod |= env(c, scope, "NODE_ENV").filter("production"::equals).isPresent();
      if (prod || prunedLater(c, script, later, ctx)) {
        return Optional.empty();
      }
      String fix =
          switch (p) {
            case "yarn" -> "--production";
            case "pnpm" -> "--prod";
            default -> "--omit=dev";
          };
      return Optional.of(
          shown
              + " also installs the devDependencies into the final image: add "
              + fix
              + " (or set NODE_ENV=production); if the build needs them, build in an earlier stage or"
              + " prune them afterwards");
    }
    if ((p.equals("pip") || p.equals("pip3") || (p.equals("uv") && sub.equals("pip")))
        && pos.contains("install")) {
      for (String file : args.flagValues("-r", "--requirement")) {
        String base = BuildCommands.baseName(file).toLowerCase(Locale.ROOT);
        String dir = file.toLowerCase(Locale.ROOT);
        if (DEV_REQUIREMENTS.matcher(base.replaceAll("\\.(txt|in)$", "")).find()
            || DEV_REQUIREMENTS.matcher(dir.replaceAll("/[^/]*$", "")).find()) {
          return Optional.of(
              shown
                  + " installs the development requirements from "
                  + file
                  + " into the final image: install only the runtime requirements there");
        }
      }
      return Optional.empty();
    }
    switch (p) {
      case "poetry" -> {
        if (sub.equals("install")
            && !args.hasFlag("--no-dev", "--only-root")
            && !args.flagValues("--only").contains("main")
            && args.flagValues("--without").stream().noneMatch(v -> v.contains("dev"))
            && env(c, scope, "POETRY_WITHOUT").isEmpty()) {
          return Optional.of(
              shown + " installs the dev group into the final image: add --only main (or --without dev)");
        }
      }
      case "pipenv" -> {
        if (sub.equals("install") && args.hasFlag("--dev", "-d")) {
          return Optional.of(shown + " installs the dev packages into the final image: drop --dev");
        }
      }
      case "composer" -> {
        if (sub.equals("install")
            && !args.hasFlag("--no-dev")
            && env(c, scope, "COMPOSER_NO_DEV").filter(v -> !v.equals("0")).isEmpty()) {
          return Optional.of(
              shown + " installs the require-dev packages into the final image: add --no-dev");
        }
      }
      case "bundle", "bundler" -> {
        if (BuildCommands.bundleInstalls(c)
            && args.flagValue("--without").isEmpty()
            && !args.hasFlag("--deployment")
            && env(c, scope, "BUNDLE_WITHOUT").isEmpty()
            && env(c, scope, "BUNDLE_DEPLOYMENT").isEmpty()
            && env(c, scope, "BUNDLE_ONLY").isEmpty()
            && !bundlerConfigured(script, earlier, ctx)) {
          return Optional.of(
              shown
                  + " installs the development and test gems into the final image: set"
                  + " BUNDLE_WITHOUT=\"development:test\" (or bundle config set without"
                  + " 'development test') first");
        }
      }
      default -> {}
    }
    return Optional.empty();
  }

  /** An environment variable set on the command or in the Dockerfile scope. */
  private static Optional<String> env(Command c, Scope scope, String name) {
    Optional<String> assigned =
        c.assignments().stream().filter(a -> a.name().equals(name)).map(a -> a.value().text()).findFirst();
    return assigned.isPresent()
        ? assigned
        : scope.lookup(name).map(v -> v.replaceAll("^[\"']|[\"']$", ""));
  }

  /** {@code npm prune --omit=dev} (or --production) later in the same or a later RUN. */
  private static boolean prunedLater(Command install, ShellScript script, List<Instruction.Run> later, RuleContext ctx) {
    if (script.commandsAfter(install).stream().anyMatch(DevDependenciesInFinalImage::prunes)) {
      return true;
    }
    return later.stream()
        .map(ctx::shell)
        .flatMap(Optional::stream)
        .anyMatch(s -> s.commands().stream().anyMatch(DevDependenciesInFinalImage::prunes));
  }

  private static boolean prunes(Command c) {
    String p = BuildCommands.program(c);
    return (p.equals("npm") || p.equals("pnpm")) && BuildCommands.is(c, p, "prune")
        || (p.equals("yarn") && BuildCommands.is(c, "yarn", "workspaces", "focus")
            && BuildCommands.hasFlag(c, "--production"))
        || p.equals("modclean");
  }

  /** {@code bundle config set without ...} in this RUN or an earlier one of the final image. */
  private static boolean bundlerConfigured(ShellScript script, List<Instruction.Run> earlier, RuleContext ctx) {
    return script.commands().stream().anyMatch(DevDependenciesInFinalImage::configuresBundler)
        || earlier.stream()
            .map(ctx::shell)
            .flatMap(Optional::stream)
            .anyMatch(s -> s.commands().stream().anyMatch(DevDependenciesInFinalImage::configuresBundler));
  }

  private static boolean configuresBundler(Command c) {
    String p = BuildCommands.program(c);
    List<String> pos = BuildCommands.positional(c);
    return (p.equals("bundle") || p.equals("bundler"))
        && !pos.isEmpty()
        && pos.get(0).equals("config")
        && (pos.contains("without") || pos.contains("deployment") || pos.contains("only"));
  }
}
