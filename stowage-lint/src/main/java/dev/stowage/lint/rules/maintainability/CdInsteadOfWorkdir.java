package dev.stowage.lint.rules.maintainability;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Span;
import dev.stowage.dockerfile.model.Base;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.dockerfile.shell.AndOrList;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.dockerfile.shell.SimpleCommand;
import dev.stowage.dockerfile.shell.Word;
import dev.stowage.lint.Category;
import dev.stowage.lint.Edit;
import dev.stowage.lint.Fix;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import dev.stowage.lint.rules.InstructionLines;
import dev.stowage.lint.rules.ShellWords;
import dev.stowage.lint.rules.Stages;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@code cd} inside RUN hides the directory the following commands depend on; WORKDIR states it
 * once, for every later instruction, and creates it when missing.
 */
@Rule(
    id = "DL3003",
    title = "Use WORKDIR to switch to a directory",
    severity = Severity.WARNING,
    category = Category.MAINTAINABILITY,
    fixable = true)
public final class CdInsteadOfWorkdir implements InstructionRule<Instruction.Run> {
  @Override
  public Class<Instruction.Run> type() {
    return Instruction.Run.class;
  }

  @Override
  public void check(Instruction.Run run, RuleContext ctx) {
    Optional<ShellScript> script = ctx.shell(run);
    if (script.isEmpty()) {
      return;
    }
    for (Command cd : script.get().cdCommands()) {
      Optional<String> dir = directory(cd, ctx);
      if (dir.isEmpty() || script.get().isRemovedAfter(cd, dir.get())) {
        // a computed or temporary directory (deleted again by this RUN) has no WORKDIR equivalent
        continue;
      }
      Span span = ctx.shellSpan(run, cd.offset(), cd.endOffset());
      String message = "Use WORKDIR " + dir.get() + " instead of 'cd " + dir.get() + "' in RUN";
      Optional<Fix> fix = workdir(run, script.get(), cd, ctx);
      if (fix.isPresent()) {
        ctx.report(span, message, fix.get());
      } else {
        ctx.report(span, message);
      }
      return; // once per RUN, as hadolint
    }
  }

  /** The directory {@code cd} changes to, when it is a plain, knowable path. */
  private static Optional<String> directory(Command cd, RuleContext ctx) {
    List<Word> args = cd.argsWithoutFlags();
    if (args.size() != 1) {
      return Optional.empty();
    }
    Optional<List<String>> v = ShellWords.values(args.get(0), ctx.scope());
    if (v.isEmpty()
        || v.get().size() != 1
        || v.get().get(0).equals("-")
        || v.get().get(0).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(v.get().get(0));
  }

  /** A directory WORKDIR takes as written: absolute, with no variable, quote, escape or space. */
  private static final Pattern LITERAL_DIR = Pattern.compile("/[A-Za-z0-9_.@+:/-]*");

  /**
   * {@code RUN cd /dir && rest} as {@code WORKDIR /dir} and {@code RUN rest}, when the RUN starts
   * with that {@code cd} into a literal absolute directory and nothing after it relies on the
   * working directory it leaves unchanged (see {@link #laterStepsIgnoreWorkdir}).
   */
  private static Optional<Fix> workdir(
      Instruction.Run run, ShellScript script, Command cd, RuleContext ctx) {
    if (ctx.inOnbuild() || !run.heredocs().isEmpty() || !script.errors().isEmpty()) {
      return Optional.empty();
    }
    List<AndOrList> items = script.body().items();
    if (items.isEmpty()) {
      return Optional.empty();
    }
    AndOrList first = items.get(0);
    if (first.background()
        || first.pipelines().size() < 2
        || first.connectors().get(0) != AndOrList.Connector.AND
        || first.pipelines().get(0).negated()
        || first.pipelines().get(0).commands().size() != 1
        || !(first.pipelines().get(0).commands().get(0) instanceof SimpleCommand sc)
        || sc.offset() != cd.offset()
        || !sc.assignments().isEmpty()
        || !sc.redirections().isEmpty()
        || sc.words().size() != 2) {
      return Optional.empty();
    }
    Optional<String> dir = sc.words().get(1).literal();
    if (dir.isEmpty()
        || !LITERAL_DIR.matcher(dir.get()).matches()
        || !sc.words().get(1).raw().equals(dir.get())
        || script.source().contains("OLDPWD")
        || script.cdCommands().stream().anyMatch(c -> c.argTexts().contains("-"))
        || !laterStepsIgnoreWorkdir(run, ctx)) {
      return Optional.empty();
    }
    String source = ctx.dockerfile().source();
    Optional<Edit> insert = InstructionLines.before(source, run, "WORKDIR", dir.get());
    if (insert.isEmpty()) {
      return Optional.empty();
    }
    int restStart = first.pipelines().get(1).offset();
    Span drop = ctx.shellSpan(run, cd.offset(), restStart);
    return Optional.of(Fix.of(insert.get(), new Edit(drop, "")));
  }

  /**
   * Whether moving the working directory for good is invisible after {@code run}: every later
   * instruction of its stage, up to a WORKDIR with an absolute path, is one that does not use the
   * working directory (no RUN, CMD, ENTRYPOINT, HEALTHCHECK, ONBUILD, relative WORKDIR or VOLUME,
   * or COPY/ADD to a relative destination); and if no such WORKDIR follows, the stage is neither
   * in the built image's lineage (whose working directory would change) nor the base of another
   * stage.
   */
  private static boolean laterStepsIgnoreWorkdir(Instruction.Run run, RuleContext ctx) {
    Optional<Stage> stage = ctx.stage();
    if (stage.isEmpty()) {
      return false;
    }
    boolean after = false;
    for (Instruction i : stage.get().instructions()) {
      if (i == run) {
        after = true;
        continue;
      }
      if (!after) {
        continue;
      }
      switch (i) {
        case Instruction.Workdir w -> {
          if (!w.args().isEmpty() && w.args().get(0).value().startsWith("/")) {
            return true;
          }
          return false;
        }
        case Instruction.FileTransfer ft -> {
          if (ft.destination().filter(d -> d.value().startsWith("/")).isEmpty()) {
            return false;
          }
        }
        case Instruction.Volume v -> {
          if (v.args().stream().anyMatch(a -> !a.value().startsWith("/") && !a.value().startsWith("["))) {
            return false;
          }
        }
        case Instruction.Run r -> {
          return false;
        }
        case Instruction.Cmd c -> {
          return false;
        }
        case Instruction.Entrypoint e -> {
          return false;
        }
        case Instruction.Healthcheck h -> {
          return false;
        }
        case Instruction.Onbuild o -> {
          return false;
        }
        default -> {}
      }
    }
    if (!after) {
      return false;
    }
    Stage s = stage.get();
    for (Stage other : ctx.model().stages()) {
      if (other.base() instanceof Base.StageBase b && b.stage() == s.index()) {
        return false;
      }
    }
    Optional<Stage> target = ctx.model().target();
    return target.isPresent()
        && Stages.lineage(ctx.model(), target.get()).stream().noneMatch(x -> x.index() == s.index());
  }
}
