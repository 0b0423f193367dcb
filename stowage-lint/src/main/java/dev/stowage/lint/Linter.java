package dev.stowage.lint;

import dev.stowage.dockerfile.Diagnostic;
import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.InstructionNode;
import dev.stowage.dockerfile.model.DockerfileModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a set of rules over parsed Dockerfiles. Immutable and thread-safe; each {@link #lint} call
 * is independent.
 */
public final class Linter {
  /** The id under which syntax errors are reported (hadolint's parse-error code). */
  public static final String SYNTAX_RULE = "DL1000";

  private final List<RuleMeta> rules;

  private Linter(List<RuleMeta> rules) {
    this.rules = List.copyOf(rules);
  }

  public static Linter of(List<? extends LintRule> rules) {
    return new Linter(rules.stream().map(RuleMeta::of).toList());
  }

  /** A linter with every built-in rule. */
  public static Linter builtIn() {
    return of(BuiltInRules.all());
  }

  public List<RuleMeta> rules() {
    return rules;
  }

  /** Every finding for {@code dockerfile}, sorted by position then rule id. */
  public List<Finding> lint(Dockerfile dockerfile, LintOptions options) {
    List<Finding> out = new ArrayList<>();
    for (Diagnostic d : dockerfile.errors()) {
      out.add(
          new Finding(
              SYNTAX_RULE, Severity.ERROR, d.message(), d.file(), d.line(), d.column(),
              d.endLine(), d.endColumn(), Category.CORRECTNESS, Optional.empty()));
    }
    DockerfileModel model = DockerfileModel.of(dockerfile, options.build());
    Map<InstructionNode, Optional<RuleContext.ShellText>> shells = RuleContext.newShellCache();
    List<Finding> found = new ArrayList<>();
    for (RuleMeta meta : rules) {
      if (isIgnored(meta, options)) {
        continue;
      }
      RuleContext ctx = new RuleContext(dockerfile, model, options, meta, shells, found);
      int before = found.size();
      try {
        run(meta.rule(), dockerfile, ctx);
      } catch (RuntimeException e) {
        // A broken rule must not hide the other findings; report it where it happened.
        found.subList(before, found.size()).clear();
        found.add(
            new Finding(
                meta.id(), Severity.ERROR,
                "internal error in rule " + meta.id() + ": " + e, dockerfile.file(), 1, 1, 1, 1,
                meta.category(), Optional.empty()));
      }
      Severity override = options.severityOverrides().get(meta.id());
      if (override != null) {
        for (int i = before; i < found.size(); i++) {
          found.set(i, found.get(i).withSeverity(override));
        }
      }
    }
    out.addAll(found);
    out.sort(
        Comparator.comparingInt(Finding::line)
            .thenComparingInt(Finding::column)
            .thenComparing(Finding::rule));
    return out;
  }

  private static boolean isIgnored(RuleMeta meta, LintOptions options) {
    if (options.ignored().contains(meta.id())) {
      return true;
    }
    for (String a : meta.aliases()) {
      if (options.ignored().contains(a)) {
        return true;
      }
    }
    return false;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void run(LintRule rule, Dockerfile dockerfile, RuleContext ctx) {
    switch (rule) {
      case InstructionRule r -> {
        for (Instruction ins : dockerfile.instructions()) {
          if (r.type().isInstance(ins)) {
            ctx.at(ins, ins);
            r.check(ins, ctx);
          }
          if (ins instanceof Instruction.Onbuild ob) {
            Optional<Instruction> trigger = ob.trigger();
            if (trigger.isPresent() && r.type().isInstance(trigger.get())) {
              ctx.at(trigger.get(), ins);
              r.check(trigger.get(), ctx);
            }
          }
        }
      }
      case DockerfileRule r -> {
        ctx.at(null, null);
        r.check(ctx);
      }
    }
  }
}
