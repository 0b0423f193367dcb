package dev.stowage.cli;

import dev.stowage.dockerfile.Dockerfile;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@code parse} prints: a parsed Dockerfile and its stages. Immutable.
 *
 * @param stages in file order; a stage runs from its FROM up to the next FROM
 */
record ParsedDockerfile(Dockerfile dockerfile, List<Stage> stages) {
  ParsedDockerfile {
    stages = List.copyOf(stages);
  }

  /**
   * One build stage.
   *
   * @param index 0-based, in file order
   * @param name the name after {@code AS}, as written
   * @param base the base of the FROM after expanding global ARGs
   * @param platform the value of {@code --platform} after expansion
   * @param line the 1-based line of the FROM
   * @param dependsOn indexes of the stages this one builds on, copies from or mounts
   * @param firstInstruction the index of its FROM in {@link Dockerfile#instructions()}
   */
  record Stage(
      int index,
      Optional<String> name,
      Optional<String> base,
      Optional<String> platform,
      int line,
      List<Integer> dependsOn,
      int firstInstruction) {
    Stage {
      dependsOn = List.copyOf(dependsOn);
    }
  }

  /** The stage of the instruction at {@code index}; empty for ARGs before the first FROM. */
  OptionalInt stageOf(int instructionIndex) {
    OptionalInt found = OptionalInt.empty();
    for (Stage s : stages) {
      if (s.firstInstruction() > instructionIndex) {
        break;
      }
      found = OptionalInt.of(s.index());
    }
    return found;
  }
}
