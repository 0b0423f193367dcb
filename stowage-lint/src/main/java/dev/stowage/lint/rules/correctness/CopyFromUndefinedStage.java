package dev.stowage.lint.rules.correctness;

import dev.stowage.dockerfile.Flag;
import dev.stowage.dockerfile.ImageReference;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.lexer.Expansion;
import dev.stowage.dockerfile.lexer.ExpansionException;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.Optional;

/**
 * {@code COPY --from=name} where no earlier stage has that name makes BuildKit pull an image called
 * {@code name} from Docker Hub: a typo, or a stage defined further down, silently copies from a
 * stranger's image or fails with "pull access denied". Values that are clearly image references
 * (with a registry, a path, a tag or a digest) are not reported.
 */
@Rule(
    id = "DL3022",
    title = "COPY --from should reference a previously defined FROM alias",
    severity = Severity.WARNING,
    category = Category.CORRECTNESS)
public final class CopyFromUndefinedStage implements InstructionRule<Instruction.Copy> {
  @Override
  public Class<Instruction.Copy> type() {
    return Instruction.Copy.class;
  }

  @Override
  public void check(Instruction.Copy copy, RuleContext ctx) {
    Optional<Flag> flag = copy.flag("from");
    Optional<Stage> stage = ctx.stage();
    if (flag.isEmpty() || stage.isEmpty() || ctx.inOnbuild()) {
      return;
    }
    String value;
    try {
      Expansion e = ctx.scope().expandWithMatches(flag.get().valueOrEmpty());
      if (!e.unmatched().isEmpty()) {
        return; // chosen at build time
      }
      value = e.result();
    } catch (ExpansionException ex) {
      return;
    }
    if (value.isEmpty()) {
      return;
    }
    int current = stage.get().index();
    Optional<Stage> target = ctx.model().stage(value);
    if (target.isPresent()) {
      if (target.get().index() > current) {
        ctx.report(
            flag.get().span(),
            "COPY --from="
                + value
                + " refers to a stage defined later, on line "
                + target.get().line()
                + "; BuildKit would pull an image of that name instead:"
                + " move the stage above this one");
      }
      return; // its own stage is DL3023's business
    }
    if (value.chars().allMatch(Character::isDigit)) {
      ctx.report(
          flag.get().span(),
          "COPY --from="
              + value
              + " refers to no stage: there are "
              + ctx.model().stages().size()
              + " stages");
      return;
    }
    boolean explicitImage = value.contains("/") || value.contains(":") || value.contains("@");
    if (explicitImage || ImageReference.tryParse(value).isEmpty()) {
      return; // an image reference, or invalid (reported by the parser/BuildKit)
    }
    ctx.report(
        flag.get().span(),
        "COPY --from="
            + value
            + " names no earlier stage, so BuildKit pulls the image docker.io/"
            + "library/"
            + value
            + ": define the stage above, or write the full image reference");
  }
}
