package dev.stowage.lint.rules.maintainability;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.Optional;

/**
 * Label keys outside Docker's naming guidelines, or in the namespaces Docker reserves, make labels
 * hard to query and may clash with tools.
 */
@Rule(
    id = "DL3048",
    title = "Invalid label key",
    severity = Severity.STYLE,
    category = Category.MAINTAINABILITY)
public final class InvalidLabelKey implements InstructionRule<Instruction.Label> {
  @Override
  public Class<Instruction.Label> type() {
    return Instruction.Label.class;
  }

  @Override
  public void check(Instruction.Label label, RuleContext ctx) {
    for (Labels.Pair p : Labels.of(label, ctx)) {
      p.key()
          .flatMap(InvalidLabelKey::problem)
          .ifPresent(
              why ->
                  ctx.report(
                      p.syntax().keySpan(), "Invalid label key `" + p.key().get() + "`: " + why + "."));
    }
  }

  /** What is wrong with the key, if anything. */
  static Optional<String> problem(String key) {
    if (key.isEmpty()) {
      return Optional.of("the key is empty");
    }
    for (String reserved : new String[] {"com.docker.", "io.docker.", "org.dockerproject."}) {
      if (key.startsWith(reserved)) {
        return Optional.of("the namespace " + reserved + "* is reserved for Docker");
      }
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '.' && c != '-') {
        return Optional.of(
            "use only lower-case letters, digits, '.' and '-' (found '" + c + "')");
      }
    }
    char first = key.charAt(0);
    if (!(first >= 'a' && first <= 'z')) {
      return Optional.of("start it with a lower-case letter");
    }
    char last = key.charAt(key.length() - 1);
    if (last == '.' || last == '-') {
      return Optional.of("end it with a letter or digit");
    }
    if (key.contains("..") || key.contains("--")) {
      return Optional.of("do not repeat the separators '.' or '-'");
    }
    return Optional.empty();
  }
}
