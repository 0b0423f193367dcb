package dev.stowage.dockerfile.model;

import dev.stowage.dockerfile.Instruction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One build stage: its FROM, the instructions up to the next FROM, what it is built on and what
 * it needs. Immutable.
 *
 * @param index 0-based position among the stages
 * @param name the name after {@code AS}, lower-cased as BuildKit compares it
 * @param from the FROM instruction
 * @param base the base after expanding global ARGs
 * @param platform the {@code --platform} value after expansion
 * @param instructions the stage's instructions after FROM, in order
 * @param dependencies the stages it needs, in instruction order
 */
public record Stage(
    int index,
    Optional<String> name,
    Instruction.From from,
    Base base,
    Optional<String> platform,
    List<Instruction> instructions,
    List<Dependency> dependencies) {
  public Stage {
    instructions = List.copyOf(instructions);
    dependencies = List.copyOf(dependencies);
  }

  /** The line of the FROM instruction. */
  public int line() {
    return from.line();
  }

  /** The indexes of the stages it depends on, without repeats, in first-use order. */
  public List<Integer> dependsOn() {
    return dependencies.stream().map(Dependency::stage).distinct().toList();
  }

  /** The name, or the index as BuildKit accepts it in {@code --from}. */
  public String reference() {
    return name.orElse(Integer.toString(index));
  }

  /** Instructions of one kind, in order. */
  public <T extends Instruction> List<T> instructions(Class<T> type) {
    // a loop, not a stream: rules ask this of every stage of every file (#3 lint speed)
    List<T> out = new ArrayList<>();
    for (Instruction ins : instructions) {
      if (type.isInstance(ins)) {
        out.add(type.cast(ins));
      }
    }
    return Collections.unmodifiableList(out);
  }
}
