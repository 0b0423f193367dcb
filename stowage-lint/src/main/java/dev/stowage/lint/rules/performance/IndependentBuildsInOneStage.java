package dev.stowage.lint.rules.performance;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.lint.Category;
import dev.stowage.lint.DockerfileRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One stage compiling projects of two different toolchains (a Node front end and a Go, Java, Rust
 * or .NET back end) in sequence. BuildKit runs independent stages in parallel, so split stages
 * would build both at once, and a change on one side would no longer rebuild the other.
 */
@Rule(
    id = "ST1004",
    title = "Independent builds are serialised in one stage",
    severity = Severity.INFO,
    category = Category.PERFORMANCE)
public final class IndependentBuildsInOneStage implements DockerfileRule {

  private record Build(Instruction.Run run, Command command) {}

  @Override
  public void check(RuleContext ctx) {
    for (Stage stage : ctx.model().stages()) {
      Map<String, Build> builds = new LinkedHashMap<>();
      for (Instruction.Run run : stage.instructions(Instruction.Run.class)) {
        Optional<ShellScript> script = ctx.shell(run);
        if (script.isEmpty()) {
          continue;
        }
        for (Command c : script.get().commands()) {
          toolchain(c).ifPresent(t -> builds.putIfAbsent(t, new Build(run, c)));
        }
      }
      if (builds.size() < 2) {
        continue;
      }
      var entries = builds.entrySet().stream().toList();
      var first = entries.get(0);
      var second = entries.get(1);
      if (first.getValue().run() == second.getValue().run()) {
        // both in one RUN: still serial, but often one script driving both; stay conservative
        continue;
      }
      Build b = second.getValue();
      ctx.report(
          ctx.shellSpan(b.run(), b.command().offset(), b.command().endOffset()),
          "This stage builds with "
              + first.getKey()
              + " (line "
              + first.getValue().run().line()
              + ") and then with "
              + second.getKey()
              + ", one after the other: give each its own stage and COPY the outputs across, so"
              + " BuildKit builds them in parallel and a change to one does not rebuild the other");
    }
  }

  private static Optional<String> toolchain(Command c) {
    if (BuildCommands.nodeBuilds(c)) {
      return Optional.of("node");
    }
    if (BuildCommands.goBuilds(c)) {
      return Optional.of("go");
    }
    if (BuildCommands.mavenBuilds(c)) {
      return Optional.of("maven");
    }
    if (BuildCommands.gradleBuilds(c)) {
      return Optional.of("gradle");
    }
    if (BuildCommands.cargoBuilds(c)) {
      return Optional.of("cargo");
    }
    if (BuildCommands.dotnetBuilds(c)) {
      return Optional.of("dotnet");
    }
    return Optional.empty();
  }
}
