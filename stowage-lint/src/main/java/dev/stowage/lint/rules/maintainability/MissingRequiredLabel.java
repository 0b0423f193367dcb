package dev.stowage.lint.rules.maintainability;

import dev.stowage.dockerfile.model.Base;
import dev.stowage.dockerfile.model.Dependency;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.lint.Category;
import dev.stowage.lint.DockerfileRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import dev.stowage.dockerfile.Instruction;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An image without the labels the organisation requires ({@code label-schema}) cannot be traced
 * back to its source, owner or version. Checked for each stage that produces an image: the target
 * and every stage no other stage builds on or copies from; labels inherited from a parent stage
 * count.
 */
@Rule(
    id = "DL3049",
    title = "Label is missing",
    severity = Severity.INFO,
    category = Category.MAINTAINABILITY)
public final class MissingRequiredLabel implements DockerfileRule {
  @Override
  public void check(RuleContext ctx) {
    Map<String, String> required = ctx.options().requiredLabels();
    if (required.isEmpty()) {
      return;
    }
    List<Stage> stages = ctx.model().stages();
    Set<Integer> used = new HashSet<>();
    for (Stage s : stages) {
      s.dependencies().stream().map(Dependency::stage).forEach(used::add);
    }
    Optional<Stage> target = ctx.model().target().or(() -> ctx.model().finalStage());
    for (Stage s : stages) {
      boolean product = target.map(t -> t.index() == s.index()).orElse(false) || !used.contains(s.index());
      if (!product) {
        continue;
      }
      Optional<Set<String>> present = labels(s, stages, ctx);
      if (present.isEmpty()) {
        continue; // a label key comes from a variable without a value: it may be any label
      }
      for (String name : required.keySet().stream().sorted().toList()) {
        if (!present.get().contains(name)) {
          ctx.report(
              s.from().span(),
              "Label `" + name + "` is missing from stage " + s.reference()
                  + "; add LABEL " + name + "=<" + required.get(name) + ">.");
        }
      }
    }
  }

  /** The label keys a stage sets or inherits from parent stages, or empty when one is unknown. */
  private static Optional<Set<String>> labels(Stage stage, List<Stage> stages, RuleContext ctx) {
    Set<String> keys = new HashSet<>();
    Stage s = stage;
    Set<Integer> seen = new HashSet<>();
    while (s != null && seen.add(s.index())) {
      for (Instruction.Label label : s.instructions(Instruction.Label.class)) {
        for (Labels.Pair p : Labels.of(label, ctx.scopeBefore(label))) {
          if (p.key().isEmpty()) {
            return Optional.empty();
          }
          keys.add(p.key().get());
        }
      }
      s = s.base() instanceof Base.StageBase b && b.stage() < stages.size() ? stages.get(b.stage()) : null;
    }
    return Optional.of(keys);
  }
}
