package dev.stowage.lint.rules.buildkit;

import dev.stowage.dockerfile.Flag;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Span;
import dev.stowage.dockerfile.Word;
import dev.stowage.dockerfile.lexer.Expansion;
import dev.stowage.dockerfile.lexer.ExpansionException;
import dev.stowage.dockerfile.model.Base;
import dev.stowage.dockerfile.model.Scope;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.lint.Category;
import dev.stowage.lint.DockerfileRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A variable used before any ARG or ENV defines it, in the instructions BuildKit expands (ENV,
 * LABEL, ADD, COPY, WORKDIR, USER, VOLUME, STOPSIGNAL, ARG defaults, RUN {@code --mount}): it
 * expands to nothing. BuildKit also knows the base image's environment from the registry; this
 * check cannot, so it only looks at stages whose base environment is known statically: {@code
 * scratch}, the official {@code alpine}, {@code busybox}, {@code debian} and {@code ubuntu}
 * images (whose only variable is {@code PATH}), and stages built on such stages. {@code PATH} is
 * always defined, as BuildKit sets it.
 */
@Rule(
    id = "UndefinedVar",
    title = "Variables should be defined before their use",
    severity = Severity.WARNING,
    category = Category.CORRECTNESS)
public final class UndefinedVar implements DockerfileRule {
  /** Official images whose config sets no variable but PATH. */
  private static final Set<String> PATH_ONLY_IMAGES = Set.of("alpine", "busybox", "debian", "ubuntu");

  /** BuildKit's ARGs that are never in the environment. */
  private static final Set<String> NON_ENV_ARGS =
      Set.of("BUILDKIT_SBOM_SCAN_CONTEXT", "BUILDKIT_SBOM_SCAN_STAGE");

  @Override
  public void check(RuleContext ctx) {
    Set<String> globals = GlobalArgs.names(ctx.model());
    for (Stage stage : ctx.model().stages()) {
      Optional<Set<String>> inherited = inheritedArgs(stage, ctx, 0);
      if (inherited.isEmpty()) {
        continue;
      }
      for (Instruction ins : stage.instructions()) {
        checkInstruction(ins, ctx.scopeBefore(ins), inherited.get(), globals, ctx);
      }
    }
  }

  /**
   * ARG names a stage inherits from the stages it is built on, or empty when the environment of
   * its base image is not known statically.
   */
  private static Optional<Set<String>> inheritedArgs(Stage stage, RuleContext ctx, int depth) {
    return switch (stage.base()) {
      case Base.Scratch s -> Optional.of(Set.of());
      case Base.Image img ->
          img.reference().isOfficialImage()
                  && PATH_ONLY_IMAGES.contains(img.reference().familiarName())
              ? Optional.of(Set.of())
              : Optional.empty();
      case Base.Invalid i -> Optional.empty();
      case Base.StageBase sb -> {
        if (depth > ctx.model().stages().size() || sb.stage() >= stage.index()) {
          yield Optional.empty();
        }
        Stage parent = ctx.model().stages().get(sb.stage());
        Optional<Set<String>> up = inheritedArgs(parent, ctx, depth + 1);
        if (up.isEmpty()) {
          yield up;
        }
        Set<String> all = new HashSet<>(up.get());
        for (Instruction i : parent.instructions()) {
          if (i instanceof Instruction.Arg a) {
            a.declarations().forEach(kv -> all.add(kv.key()));
          }
        }
        yield Optional.of(all);
      }
    };
  }

  private record Use(String word, Span span) {}

  private static void checkInstruction(
      Instruction ins, Scope scope, Set<String> inherited, Set<String> globals, RuleContext ctx) {
    Set<String> declaredHere = new HashSet<>();
    Set<String> reported = new HashSet<>();
    if (ins instanceof Instruction.Arg arg) {
      // ARG defaults are expanded one declaration at a time, each seeing the ones before it.
      for (Instruction.KeyValue kv : arg.declarations()) {
        if (kv.value().isPresent()) {
          report(new Use(kv.value().get(), kv.span()), scope, inherited, declaredHere, globals, reported, ctx);
        }
        declaredHere.add(kv.key());
      }
      return;
    }
    for (Use u : uses(ins)) {
      report(u, scope, inherited, declaredHere, globals, reported, ctx);
    }
  }

  private static List<Use> uses(Instruction ins) {
    List<Use> out = new ArrayList<>();
    switch (ins) {
      case Instruction.Env e -> e.pairs().forEach(kv -> pair(kv, out));
      case Instruction.Label l -> l.pairs().forEach(kv -> pair(kv, out));
      case Instruction.FileTransfer ft -> {
        for (String name : List.of("chown", "chmod", "checksum")) {
          ft.flag(name).ifPresent(f -> out.add(new Use(f.valueOrEmpty(), f.span())));
        }
        for (Word w : ft.args()) {
          if (!w.value().startsWith("<<")) {
            out.add(new Use(w.value(), w.span()));
          }
        }
      }
      case Instruction.Workdir w -> w.args().forEach(a -> out.add(new Use(a.value(), a.span())));
      case Instruction.User u -> u.args().forEach(a -> out.add(new Use(a.value(), a.span())));
      case Instruction.Volume v -> v.paths().forEach(a -> out.add(new Use(a.value(), a.span())));
      case Instruction.Stopsignal s -> s.args().forEach(a -> out.add(new Use(a.value(), a.span())));
      case Instruction.Run r -> {
        for (Flag f : r.syntax().flags("mount")) {
          out.add(new Use(f.valueOrEmpty(), f.span()));
        }
      }
      default -> {}
    }
    return out;
  }

  private static void pair(Instruction.KeyValue kv, List<Use> out) {
    out.add(new Use(kv.key(), kv.keySpan()));
    kv.value().ifPresent(v -> out.add(new Use(v, kv.span())));
  }

  private static void report(
      Use use,
      Scope scope,
      Set<String> inherited,
      Set<String> declaredHere,
      Set<String> globals,
      Set<String> reported,
      RuleContext ctx) {
    if (use.word().indexOf('$') < 0) {
      return;
    }
    Expansion e;
    try {
      e = scope.expandWithMatches(use.word());
    } catch (ExpansionException ex) {
      return;
    }
    for (String name : e.unmatched()) {
      if (name.equals("PATH")
          || scope.isDeclared(name)
          || inherited.contains(name)
          || declaredHere.contains(name)
          || NON_ENV_ARGS.contains(name)
          || !reported.add(name)) {
        continue;
      }
      Set<String> options = new LinkedHashSet<>(scope.names());
      options.add("PATH");
      for (Instruction.Arg a : ctx.model().globalArgs()) {
        a.declarations().forEach(kv -> options.add(kv.key()));
      }
      String advice =
          globals.contains(name)
              ? "; an ARG before FROM must be declared again inside the stage: ARG " + name
              : "; declare it with ARG or ENV first";
      ctx.report(
          use.span(),
          "Usage of undefined variable '$"
              + name
              + "'"
              + Suggestions.closest(name, options).map(s -> " (did you mean $" + s + "?)").orElse("")
              + advice);
    }
  }
}
