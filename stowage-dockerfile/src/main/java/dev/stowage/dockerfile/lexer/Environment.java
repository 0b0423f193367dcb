package dev.stowage.dockerfile.lexer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Looks up the value of a variable by its exact (case-sensitive) name, as the shell lexer sees
 * the build environment; an implementation must be safe to call from the thread that expands.
 */
@FunctionalInterface
public interface Environment {

  /**
   * Returns the value of {@code name}, or empty when the variable is unset. A set variable may
   * have the empty string as its value, which is different from being unset.
   */
  Optional<String> lookup(String name);

  /** Returns an environment in which no variable is set. */
  static Environment empty() {
    return name -> Optional.empty();
  }

  /** Returns an immutable environment holding a copy of {@code variables}. */
  static Environment of(Map<String, String> variables) {
    Map<String, String> copy = Map.copyOf(variables);
    return name -> Optional.ofNullable(copy.get(name));
  }

  /**
   * Returns an immutable environment from {@code NAME=value} assignments, as BuildKit builds one
   * from a list: the name ends at the first {@code =}, an entry without {@code =} sets the
   * variable to the empty string, and a later entry for the same name wins.
   */
  static Environment fromAssignments(List<String> assignments) {
    Map<String, String> variables = new HashMap<>();
    for (String assignment : assignments) {
      Objects.requireNonNull(assignment, "assignment");
      int equals = assignment.indexOf('=');
      if (equals < 0) {
        variables.put(assignment, "");
      } else {
        variables.put(assignment.substring(0, equals), assignment.substring(equals + 1));
      }
    }
    return of(variables);
  }
}
