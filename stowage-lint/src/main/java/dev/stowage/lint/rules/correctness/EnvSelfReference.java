package dev.stowage.lint.rules.correctness;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.lexer.Expansion;
import dev.stowage.dockerfile.lexer.ExpansionException;
import dev.stowage.dockerfile.model.Scope;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * All values of one ENV are expanded before any is set: in {@code ENV A=1 B=$A}, {@code B} gets the
 * old (usually empty) {@code A}, not {@code 1}. Names already set before the ENV are not reported,
 * as in hadolint.
 */
@Rule(
    id = "DL3044",
    title =
        "Do not refer to an environment variable within the same `ENV` statement where it is"
            + " defined",
    severity = Severity.ERROR,
    category = Category.CORRECTNESS)
public final class EnvSelfReference implements InstructionRule<Instruction.Env> {
  @Override
  public Class<Instruction.Env> type() {
    return Instruction.Env.class;
  }

  @Override
  public void check(Instruction.Env env, RuleContext ctx) {
    Scope scope = ctx.scope();
    List<Instruction.KeyValue> pairs = env.pairs();
    Set<String> definedHere = new HashSet<>();
    for (Instruction.KeyValue kv : pairs) {
      Set<String> refs = new HashSet<>();
      try {
        Expansion e = scope.expandWithMatches(kv.value().orElse(""));
        refs.addAll(e.matched());
        refs.addAll(e.unmatched());
      } catch (ExpansionException ex) {
        continue;
      }
      for (String name : refs) {
        if (definedHere.contains(name) && !scope.isDeclared(name)) {
          ctx.report(
              kv.span(),
              "ENV "
                  + kv.key()
                  + " refers to $"
                  + name
                  + ", which this ENV sets, but sees its value"
                  + " from before the instruction; set "
                  + name
                  + " in an earlier ENV");
          break;
        }
      }
      definedHere.add(kv.key());
    }
  }
}
