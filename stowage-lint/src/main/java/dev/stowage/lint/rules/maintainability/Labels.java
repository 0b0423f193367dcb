package dev.stowage.lint.rules.maintainability;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.lexer.Expansion;
import dev.stowage.dockerfile.lexer.ExpansionException;
import dev.stowage.dockerfile.model.Scope;
import dev.stowage.lint.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * LABEL pairs as the build sees them: keys and values expanded with the ARGs and ENVs in scope and
 * unquoted. A key or value that refers to a variable without a value here is unknown (it may come
 * from a build argument), and the label rules skip it rather than guess.
 */
final class Labels {
  private Labels() {}

  /** One pair with its key and value after expansion, when they resolve. */
  record Pair(Instruction.KeyValue syntax, Optional<String> key, Optional<String> value) {}

  static List<Pair> of(Instruction.Label label, RuleContext ctx) {
    return of(label, ctx.scope());
  }

  static List<Pair> of(Instruction.Label label, Scope scope) {
    List<Pair> out = new ArrayList<>();
    for (Instruction.KeyValue kv : label.pairs()) {
      out.add(new Pair(kv, resolve(kv.key(), scope), resolve(kv.value().orElse(""), scope)));
    }
    return out;
  }

  /** The word expanded and unquoted, or empty when it needs a variable that has no value here. */
  static Optional<String> resolve(String word, Scope scope) {
    try {
      Expansion e = scope.expandWithMatches(word);
      return e.unmatched().isEmpty() ? Optional.of(e.result()) : Optional.empty();
    } catch (ExpansionException e) {
      return Optional.empty();
    }
  }

  /**
   * Reports each label whose schema type in {@code requiredLabels} is {@code type} and whose known,
   * non-empty value fails {@code valid}. Empty values are DL3051's.
   */
  static void checkValues(
      Instruction.Label label, RuleContext ctx, String type, Predicate<String> valid, String expected) {
    if (!ctx.options().requiredLabels().containsValue(type)) {
      return;
    }
    for (Pair p : of(label, ctx)) {
      if (p.key().isEmpty() || p.value().isEmpty() || p.value().get().isEmpty()) {
        continue;
      }
      String key = p.key().get();
      if (type.equals(ctx.options().requiredLabels().get(key)) && !valid.test(p.value().get())) {
        ctx.report(
            p.syntax().span(),
            "Label `" + key + "` is " + quote(p.value().get()) + ", which is not " + expected + ".");
      }
    }
  }

  static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
