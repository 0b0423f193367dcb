package dev.stowage.lint.rules.correctness;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.model.Base;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.dockerfile.shell.AndOrList;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.dockerfile.shell.SimpleCommand;
import dev.stowage.dockerfile.shell.Word;
import dev.stowage.dockerfile.shell.WordPart;
import dev.stowage.lint.Category;
import dev.stowage.lint.Fix;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CMD or ENTRYPOINT in shell form runs under {@code /bin/sh -c}: the shell is PID 1, does not
 * forward SIGTERM, and {@code docker stop} waits its timeout and then kills the program. As
 * BuildKit does, a stage whose shell was chosen explicitly with SHELL (in the stage or a stage it
 * is built on) is not reported: there the shell form is deliberate.
 */
@Rule(
    id = "DL3025",
    title = "Use arguments JSON notation for CMD and ENTRYPOINT arguments",
    severity = Severity.WARNING,
    category = Category.CORRECTNESS,
    aliases = {"JSONArgsRecommended"},
    fixable = true)
public final class JSONArgsRecommended implements InstructionRule<Instruction.CommandForm> {
  @Override
  public Class<Instruction.CommandForm> type() {
    return Instruction.CommandForm.class;
  }

  @Override
  public void check(Instruction.CommandForm ins, RuleContext ctx) {
    if (!(ins instanceof Instruction.Cmd || ins instanceof Instruction.Entrypoint)
        || ins.isExecForm()
        || ins.args().isEmpty()
        || shellSetBefore(ins, ctx)) {
      return;
    }
    String message =
        "Use JSON notation for "
            + ins.name()
            + " ("
            + ins.name()
            + " [\"executable\", \"arg\"]): in shell form /bin/sh is PID 1 and the program does"
            + " not receive stop signals";
    Optional<Fix> fix = execForm(ins, ctx);
    if (fix.isPresent()) {
      ctx.report(ins, message, fix.get());
    } else {
      ctx.report(ins, message);
    }
  }

  /**
   * The exec form of a shell-form command whose meaning does not depend on the shell: one simple
   * command (a leading {@code exec} is dropped, it only replaced the shell), no variables,
   * substitutions, globs, redirections, operators, escapes or comments, and not a shell builtin;
   * its words split as {@code sh} splits them, quotes removed. An ENTRYPOINT is rewritten only when
   * the file has no CMD, as an exec-form ENTRYPOINT would receive the CMD as arguments.
   */
  private static Optional<Fix> execForm(Instruction.CommandForm ins, RuleContext ctx) {
    if (ctx.inOnbuild() || !ins.syntax().heredocs().isEmpty()) {
      return Optional.empty();
    }
    if (ins instanceof Instruction.Entrypoint
        && ctx.dockerfile().instructions().stream().anyMatch(i -> i instanceof Instruction.Cmd)) {
      return Optional.empty();
    }
    if (ins instanceof Instruction.Cmd && entrypointInEffect(ins, ctx)) {
      return Optional.empty();
    }
    Optional<ShellScript> found = ctx.shell(ins);
    if (found.isEmpty() || !found.get().errors().isEmpty()) {
      return Optional.empty();
    }
    ShellScript script = found.get();
    String src = script.source();
    if (SHELL_SYNTAX.matcher(src).find()) {
      return Optional.empty();
    }
    List<AndOrList> items = script.body().items();
    if (items.size() != 1
        || items.get(0).background()
        || items.get(0).pipelines().size() != 1
        || items.get(0).pipelines().get(0).negated()
        || items.get(0).pipelines().get(0).commands().size() != 1
        || !(items.get(0).pipelines().get(0).commands().get(0) instanceof SimpleCommand cmd)
        || !cmd.assignments().isEmpty()
        || !cmd.redirections().isEmpty()
        || cmd.words().isEmpty()) {
      return Optional.empty();
    }
    List<String> words = new ArrayList<>();
    for (Word w : cmd.words()) {
      if (w.literal().isEmpty() || !plain(w)) {
        return Optional.empty();
      }
      words.add(w.literal().get());
    }
    if (words.get(0).equals("exec")) {
      words.remove(0);
    }
    if (words.isEmpty() || words.get(0).isEmpty() || BUILTINS.contains(words.get(0))) {
      return Optional.empty();
    }
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < words.size(); i++) {
      json.append(i == 0 ? "" : ", ").append(jsonString(words.get(i)));
    }
    json.append(']');
    Word last = cmd.words().get(cmd.words().size() - 1);
    return Optional.of(Fix.replace(ctx.shellSpan(ins, cmd.offset(), last.endOffset()), json.toString()));
  }

  /** Characters that give the text a meaning only a shell provides; quotes are handled per word. */
  private static final Pattern SHELL_SYNTAX = Pattern.compile("[$`\\\\;&|<>(){}*?\\[\\]~#\n\r]");

  /** Shell builtins and keywords: no program of that name to run without a shell. */
  private static final Set<String> BUILTINS =
      Set.of(
          "exec", "cd", "export", "set", "unset", "source", ".", "eval", "if", "for", "while",
          "until", "case", "trap", "ulimit", "umask", "alias", "read", "wait", "shift",
          "readonly", "local", "return", "exit", "command", "type", "hash", "times", "getopts",
          "break", "continue", ":", "!", "{", "[[");

  /** A word made of literal and quoted text only. */
  private static boolean plain(Word w) {
    for (WordPart p : w.parts()) {
      switch (p) {
        case WordPart.Literal l -> {}
        case WordPart.SingleQuoted q -> {}
        case WordPart.DoubleQuoted d -> {
          if (!d.parts().stream().allMatch(x -> x instanceof WordPart.Literal)) {
            return false;
          }
        }
        default -> {
          return false;
        }
      }
    }
    return true;
  }

  private static String jsonString(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /**
   * Whether an ENTRYPOINT applies to a CMD of this stage: one before it in the stage or in a stage
   * it is built on (base images' entrypoints are unknown; see docs/rules/DL3025.md).
   */
  private static boolean entrypointInEffect(Instruction ins, RuleContext ctx) {
    Optional<Stage> stage = ctx.stage();
    if (stage.isEmpty()) {
      return true;
    }
    Stage s = stage.get();
    for (int guard = 0; guard <= ctx.model().stages().size(); guard++) {
      if (!s.instructions(Instruction.Entrypoint.class).isEmpty()) {
        return true;
      }
      if (!(s.base() instanceof Base.StageBase parent)) {
        return false;
      }
      s = ctx.model().stages().get(parent.stage());
    }
    return true;
  }

  /** Whether a SHELL instruction precedes {@code ins} in its stage or in a stage it builds on. */
  private static boolean shellSetBefore(Instruction ins, RuleContext ctx) {
    Optional<Stage> stage = ctx.stage();
    if (stage.isEmpty()) {
      return false;
    }
    Stage s = stage.get();
    Instruction owner = ins;
    for (int guard = 0; guard <= ctx.model().stages().size(); guard++) {
      for (Instruction i : s.instructions()) {
        if (i == owner || i.syntax() == ins.syntax()) {
          break;
        }
        if (i instanceof Instruction.Shell) {
          return true;
        }
        if (i instanceof Instruction.Onbuild ob
            && ob.syntax().child().filter(c -> c == ins.syntax()).isPresent()) {
          break;
        }
      }
      if (!(s.base() instanceof Base.StageBase parent)) {
        return false;
      }
      s = ctx.model().stages().get(parent.stage());
      owner = null;
    }
    return false;
  }
}
