package dev.stowage.lint.rules;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.model.Base;
import dev.stowage.dockerfile.model.DockerfileModel;
import dev.stowage.dockerfile.model.Stage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Helpers over build stages for rules: a stage's lineage through {@code FROM <stage>}. */
public final class Stages {
  private Stages() {}

  /**
   * The stage and the earlier stages it is built on ({@code FROM <stage>}), oldest first, ending
   * with {@code stage} itself; what the stage's filesystem and config inherit.
   */
  public static List<Stage> lineage(DockerfileModel model, Stage stage) {
    List<Stage> out = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    Stage s = stage;
    while (seen.add(s.index())) {
      out.add(s);
      if (s.base() instanceof Base.StageBase b && b.stage() < model.stages().size()) {
        s = model.stages().get(b.stage());
      } else {
        break;
      }
    }
    Collections.reverse(out);
    return out;
  }

  /**
   * The instructions that run before {@code instruction} in its stage's lineage: every instruction
   * of the ancestor stages, then those of its own stage before it.
   */
  public static List<Instruction> before(DockerfileModel model, Instruction instruction) {
    List<Instruction> out = new ArrayList<>();
    Stage own = model.stageOf(instruction).orElse(null);
    if (own == null) {
      return out;
    }
    for (Stage s : lineage(model, own)) {
      for (Instruction i : s.instructions()) {
        if (i == instruction) {
          return out;
        }
        out.add(i);
      }
    }
    return out;
  }
}
