package dev.stowage.lint.rules.performance;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Mount;
import dev.stowage.dockerfile.Span;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.lint.Category;
import dev.stowage.lint.DockerfileRule;
import dev.stowage.lint.Fix;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A dependency install that runs after the whole build context was copied into the stage: any
 * source change invalidates the COPY, so the install re-runs on every build.
 */
@Rule(
    id = "ST1001",
    title = "Dependencies are installed after the whole source is copied",
    severity = Severity.WARNING,
    category = Category.PERFORMANCE,
    fixable = true)
public final class DependenciesInstalledAfterSourceCopy implements DockerfileRule {

  private static final Set<String> WHOLE_CONTEXT = Set.of(".", "./", "*", "./*", "./.", "/");

  /** A project dependency step and the manifests that should be copied before it. */
  private record Step(String ecosystem, String manifests) {}

  @Override
  public void check(RuleContext ctx) {
    for (Stage stage : ctx.model().stages()) {
      checkStage(stage, ctx);
    }
  }

  private static void checkStage(Stage stage, RuleContext ctx) {
    Optional<Instruction.FileTransfer> sourceCopy = Optional.empty();
    Set<String> fetchedBefore = new HashSet<>();
    for (Instruction ins : stage.instructions()) {
      if (ins instanceof Instruction.FileTransfer ft && sourceCopy.isEmpty() && copiesWholeContext(ft)) {
        sourceCopy = Optional.of(ft);
      }
      if (!(ins instanceof Instruction.Run run)) {
        continue;
      }
      Optional<ShellScript> script = ctx.shell(run);
      if (script.isEmpty()) {
        continue;
      }
      Set<String> fetchedHere = new HashSet<>();
      boolean reported = false;
      for (Command c : script.get().commands()) {
        Optional<Step> step = step(c, fetchedBefore, run);
        step.ifPresent(s -> fetchedHere.add(s.ecosystem()));
        if (step.isPresent() && sourceCopy.isPresent() && !reported) {
          Instruction.FileTransfer copy = sourceCopy.get();
          Optional<Fix> fix =
              onlyStep(script.get(), c, fetchedBefore, run)
                  ? DependencyFirstFix.of(stage, copy, run, script.get(), c, ctx)
                  : Optional.empty();
          String message =
              "`"
                  + shorten(c.raw())
                  + "` runs after `"
                  + copy.name()
                  + " "
                  + copy.sources().get(0).value()
                  + "` on line "
                  + copy.line()
                  + ", so every source change re-installs the dependencies: copy "
                  + step.get().manifests()
                  + " first, install, then copy the rest";
          Span span = ctx.shellSpan(run, c.offset(), c.endOffset());
          if (fix.isPresent()) {
            ctx.report(span, message, fix.get());
          } else {
            ctx.report(span, message);
          }
          reported = true;
        }
      }
      fetchedBefore.addAll(fetchedHere);
    }
  }

  /** Whether {@code c} is the only dependency step of the RUN (the fix moves one step). */
  private static boolean onlyStep(ShellScript script, Command c, Set<String> fetchedBefore, Instruction.Run run) {
    return script.commands().stream().noneMatch(o -> o != c && step(o, fetchedBefore, run).isPresent());
  }

  static boolean copiesWholeContext(Instruction.FileTransfer ft) {
    return ft.from().isEmpty()
        && ft.heredocs().isEmpty()
        && ft.sources().stream().anyMatch(w -> WHOLE_CONTEXT.contains(w.value()));
  }

  /**
   * The dependency step {@code c} is, if any. The arguments are split only by the cases that
   * need them (the tests below check the program first): most commands are other programs (#3
   * lint speed).
   */
  private static Optional<Step> step(Command c, Set<String> fetchedBefore, Instruction.Run run) {
    String p = BuildCommands.program(c);
    if (BuildCommands.nodeProjectInstall(c)) {
      return Optional.of(
          switch (p) {
            case "yarn" -> new Step("node", "package.json and yarn.lock");
            case "pnpm" -> new Step("node", "package.json and pnpm-lock.yaml");
            default -> new Step("node", "package.json and package-lock.json");
          });
    }
    switch (p) {
      case "pip", "pip3" -> {
        if (isSub(c, "install") && BuildCommands.hasFlag(c, "-r", "--requirement")) {
          String file =
              BuildCommands.arguments(c).flagValue("-r", "--requirement").orElse("requirements.txt");
          return Optional.of(new Step("python", file));
        }
      }
      case "poetry" -> {
        // after an install of the dependencies alone (--no-root), one that adds the project
        if (isSub(c, "install") && !fetchedBefore.contains("poetry")) {
          return Optional.of(new Step("poetry", "pyproject.toml and poetry.lock"));
        }
      }
      case "pipenv" -> {
        if (isSub(c, "install") && BuildCommands.positional(c).size() == 1) {
          return Optional.of(new Step("python", "Pipfile and Pipfile.lock"));
        }
      }
      case "uv" -> {
        // after a sync without the project (--no-install-project), one that adds the project
        if (isSub(c, "sync") && !fetchedBefore.contains("uv")) {
          return Optional.of(new Step("uv", "pyproject.toml and uv.lock"));
        }
        if (BuildCommands.is(c, "uv", "pip", "install") && BuildCommands.hasFlag(c, "-r", "--requirement")) {
          return Optional.of(
              new Step("python", BuildCommands.arguments(c).flagValue("-r", "--requirement").orElse("requirements.txt")));
        }
      }
      case "bundle", "bundler" -> {
        if (BuildCommands.bundleInstalls(c)) {
          return Optional.of(new Step("ruby", "Gemfile and Gemfile.lock"));
        }
      }
      case "composer" -> {
        // a second install after one from the manifests only runs scripts and the autoloader
        if (isSub(c, "install") && !fetchedBefore.contains("php")) {
          return Optional.of(new Step("php", "composer.json and composer.lock"));
        }
      }
      default -> {}
    }
    if (BuildCommands.is(c, "go", "mod", "download")) {
      return Optional.of(new Step("go", "go.mod and go.sum"));
    }
    if (BuildCommands.goBuilds(c)) {
      return implicit("go", "go.mod and go.sum (then `go mod download`)", fetchedBefore, run, "go/pkg/mod");
    }
    if (BuildCommands.mavenResolves(c)) {
      return implicit("maven", "pom.xml (then `mvn dependency:go-offline`)", fetchedBefore, run, ".m2");
    }
    if (BuildCommands.isGradle(c)
        && (BuildCommands.gradleBuilds(c) || BuildCommands.positional(c).contains("dependencies"))) {
      return implicit(
          "gradle",
          "the Gradle build files (then `gradle dependencies`)",
          fetchedBefore,
          run,
          "gradle");
    }
    if (BuildCommands.is(c, "cargo", "fetch")) {
      return Optional.of(new Step("cargo", "Cargo.toml and Cargo.lock"));
    }
    if (BuildCommands.cargoBuilds(c)) {
      return implicit("cargo", "Cargo.toml and Cargo.lock (then build the dependencies alone)", fetchedBefore, run, "cargo");
    }
    if (BuildCommands.is(c, "dotnet", "restore")) {
      return Optional.of(new Step("dotnet", "the project files (*.csproj)"));
    }
    if (BuildCommands.dotnetBuilds(c)) {
      return implicit("dotnet", "the project files (*.csproj, then `dotnet restore`)", fetchedBefore, run, "nuget");
    }
    return Optional.empty();
  }

  private static boolean isSub(Command c, String name) {
    return BuildCommands.subcommand(c).filter(name::equals).isPresent();
  }

  /**
   * A build tool that downloads dependencies as a side effect counts only when nothing fetched
   * them earlier in the stage and no cache mount keeps them between builds.
   */
  private static Optional<Step> implicit(
      String ecosystem, String manifests, Set<String> fetchedBefore, Instruction.Run run, String cacheHint) {
    if (fetchedBefore.contains(ecosystem)) {
      return Optional.empty();
    }
    boolean cached =
        run.mounts().stream()
            .filter(Mount::isCache)
            .anyMatch(m -> m.target().filter(t -> t.contains(cacheHint)).isPresent());
    return cached ? Optional.empty() : Optional.of(new Step(ecosystem, manifests));
  }

  static String shorten(String text) {
    String t = text.strip().replaceAll("\\s+", " ");
    return t.length() <= 60 ? t : t.substring(0, 57) + "...";
  }
}
