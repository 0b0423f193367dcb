package dev.stowage.lint.rules.correctness;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Word;
import dev.stowage.dockerfile.lexer.Expansion;
import dev.stowage.dockerfile.lexer.ExpansionException;
import dev.stowage.dockerfile.model.Scope;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import dev.stowage.lint.rules.Stages;
import java.util.Optional;

/**
 * A relative WORKDIR lands wherever the base image's working directory is, which its publisher may
 * move; an earlier absolute WORKDIR in the stage's lineage pins it.
 */
@Rule(
    id = "DL3000",
    title = "Use absolute WORKDIR",
    severity = Severity.ERROR,
    category = Category.CORRECTNESS,
    aliases = {"WorkdirRelativePath"})
public final class WorkdirRelativePath implements InstructionRule<Instruction.Workdir> {
  @Override
  public Class<Instruction.Workdir> type() {
    return Instruction.Workdir.class;
  }

  @Override
  public void check(Instruction.Workdir workdir, RuleContext ctx) {
    Optional<Word> path = workdir.path();
    if (path.isEmpty()) {
      return;
    }
    Optional<String> value = resolve(path.get().value(), ctx.scope());
    if (value.isEmpty() || isAbsolute(value.get())) {
      return; // unknown value: the builder passes it, as hadolint assumes
    }
    if (!ctx.inOnbuild() && absoluteBefore(workdir, ctx)) {
      return; // relative to a WORKDIR this Dockerfile set, not to the base image's
    }
    ctx.report(
        path.get().span(),
        "Relative WORKDIR '"
            + value.get()
            + "' depends on the base image's working directory;"
            + " use an absolute path");
  }

  private static boolean absoluteBefore(Instruction.Workdir workdir, RuleContext ctx) {
    for (Instruction i : Stages.before(ctx.model(), workdir)) {
      if (i instanceof Instruction.Workdir w && w.path().isPresent()) {
        Optional<String> v = resolve(w.path().get().value(), ctx.scopeBefore(w));
        if (v.isEmpty() || isAbsolute(v.get())) {
          return true;
        }
      }
    }
    return false;
  }

  /** The WORKDIR after ARG/ENV expansion; empty when a variable in it is unset. */
  static Optional<String> resolve(String raw, Scope scope) {
    try {
      Expansion e = scope.expandWithMatches(raw);
      return e.unmatched().isEmpty() ? Optional.of(e.result()) : Optional.empty();
    } catch (ExpansionException e) {
      return Optional.empty();
    }
  }

  /** Unix absolute, or Windows {@code C:\x}, {@code C:/x}, {@code \x}. */
  static boolean isAbsolute(String p) {
    if (p.startsWith("/") || p.startsWith("\\")) {
      return true;
    }
    return p.length() >= 2 && Character.isLetter(p.charAt(0)) && p.charAt(1) == ':';
  }
}
