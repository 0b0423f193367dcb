package dev.stowage.lint.rules.correctness;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Word;
import dev.stowage.dockerfile.lexer.Expansion;
import dev.stowage.dockerfile.lexer.ExpansionException;
import dev.stowage.dockerfile.model.Base;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.Optional;

/**
 * A relative COPY destination is resolved against the working directory, which, without a WORKDIR
 * in the stage (or a stage it builds on), is whatever the base image chose: files land in a
 * different place when the base changes.
 */
@Rule(
    id = "DL3045",
    title = "`COPY` to a relative destination without `WORKDIR` set",
    severity = Severity.WARNING,
    category = Category.CORRECTNESS)
public final class CopyRelativeWithoutWorkdir implements InstructionRule<Instruction.Copy> {
  @Override
  public Class<Instruction.Copy> type() {
    return Instruction.Copy.class;
  }

  @Override
  public void check(Instruction.Copy copy, RuleContext ctx) {
    Optional<Word> dest = copy.destination();
    Optional<Stage> stage = ctx.stage();
    if (dest.isEmpty() || stage.isEmpty() || ctx.inOnbuild()) {
      return;
    }
    String path;
    try {
      Expansion e = ctx.scope().expandWithMatches(dest.get().value());
      if (!e.unmatched().isEmpty()) {
        return; // depends on a build arg
      }
      path = unquote(e.result());
    } catch (ExpansionException ex) {
      return;
    }
    if (isAbsolute(path) || workdirSetBefore(copy, stage.get(), ctx)) {
      return;
    }
    ctx.report(
        dest.get().span(),
        "COPY to relative destination "
            + path
            + " without a WORKDIR in this stage: set WORKDIR"
            + " first, or use an absolute path");
  }

  private static boolean isAbsolute(String path) {
    return path.startsWith("/")
        || path.startsWith("\\")
        || (path.length() >= 3
            && Character.isLetter(path.charAt(0))
            && path.charAt(1) == ':'
            && (path.charAt(2) == '\\' || path.charAt(2) == '/'));
  }

  private static boolean workdirSetBefore(Instruction copy, Stage stage, RuleContext ctx) {
    Stage s = stage;
    Instruction until = copy;
    for (int guard = 0; guard <= ctx.model().stages().size(); guard++) {
      for (Instruction i : s.instructions()) {
        if (i == until) {
          break;
        }
        if (i instanceof Instruction.Workdir) {
          return true;
        }
      }
      if (!(s.base() instanceof Base.StageBase parent)) {
        return false;
      }
      s = ctx.model().stages().get(parent.stage());
      until = null;
    }
    return false;
  }

  private static String unquote(String s) {
    if (s.length() >= 2
        && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }
}
