package dev.stowage.lint.rules.size;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Mount;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.dockerfile.shell.AndOrList;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.lint.Category;
import dev.stowage.lint.Fix;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import dev.stowage.lint.rules.Stages;
import java.util.List;
import java.util.Optional;

/**
 * {@code apt-get update} downloads package indexes (typically 20 to 50 MB) into {@code
 * /var/lib/apt/lists}; unless the same RUN deletes them they stay in the layer, in every pull.
 */
@Rule(
    id = "DL3009",
    title = "Delete the apt-get lists after installing something",
    severity = Severity.INFO,
    category = Category.SIZE,
    fixable = true)
public final class AptListsNotDeleted implements InstructionRule<Instruction.Run> {
  static final String LISTS = "/var/lib/apt/lists";
  private static final String CLEANUP = " && rm -rf /var/lib/apt/lists/*";

  @Override
  public Class<Instruction.Run> type() {
    return Instruction.Run.class;
  }

  @Override
  public void check(Instruction.Run run, RuleContext ctx) {
    Optional<ShellScript> found = ctx.shell(run);
    if (found.isEmpty() || listsNotInLayer(run) || !shipped(run, ctx)) {
      return;
    }
    ShellScript script = found.get();
    List<Command> updates =
        script.commands().stream()
            .filter(
                c ->
                    c.is("apt-get", "update")
                        || c.is("apt", "update")
                        || c.is("aptitude", "update"))
            .toList();
    if (updates.isEmpty()) {
      return;
    }
    Command last = updates.get(updates.size() - 1);
    if (script.isRemovedAfter(last, LISTS) || cleanedAfter(last, script)) {
      return;
    }
    String message =
        "The package lists downloaded by '"
            + last.name()
            + " update' stay in this layer; delete"
            + " them in the same RUN with 'rm -rf /var/lib/apt/lists/*'";
    Optional<Integer> end = appendOffset(run, script, ctx);
    if (end.isPresent()) {
      ctx.report(
          ctx.shellSpan(run, last.offset(), last.endOffset()),
          message,
          Fix.insertBefore(end.get(), CLEANUP));
    } else {
      ctx.report(ctx.shellSpan(run, last.offset(), last.endOffset()), message);
    }
  }

  /**
   * A cache or tmpfs mount on the lists (or a directory above them) keeps them out of the layer.
   */
  static boolean listsNotInLayer(Instruction.Run run) {
    for (Mount m : run.mounts()) {
      if (!m.isCache() && !m.type().equals("tmpfs")) {
        continue;
      }
      Optional<String> target = m.target();
      if (target.isPresent()) {
        String t = target.get().replaceAll("/+$", "");
        if (!t.isEmpty() && (LISTS.equals(t) || LISTS.startsWith(t + "/"))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the RUN's layer ends up in the built image: its stage is the target or under it. */
  private static boolean shipped(Instruction.Run run, RuleContext ctx) {
    if (ctx.inOnbuild()) {
      return true; // runs in whatever image builds on this one
    }
    Optional<Stage> stage = ctx.stage();
    Optional<Stage> target = ctx.model().target();
    if (stage.isEmpty() || target.isEmpty()) {
      return true;
    }
    return Stages.lineage(ctx.model(), target.get()).stream()
        .anyMatch(s -> s.index() == stage.get().index());
  }

  /** {@code apt-get distclean} (apt 2.7) also deletes the lists. */
  private static boolean cleanedAfter(Command update, ShellScript script) {
    return script.commandsAfter(update).stream()
        .anyMatch(
            c ->
                c.is("apt-get", "distclean")
                    || c.is("apt-get", "dist-clean")
                    || c.is("apt", "distclean"));
  }

  /**
   * Where {@code && rm ...} can be appended so that it runs last: after the final character of a
   * shell-form command (not a heredoc) that parsed cleanly and ends in a plain command list.
   */
  private static Optional<Integer> appendOffset(
      Instruction.Run run, ShellScript script, RuleContext ctx) {
    if (!run.heredocs().isEmpty()
        || !script.errors().isEmpty()
        || script.body().items().isEmpty()) {
      return Optional.empty();
    }
    String src = script.source();
    int end = src.length();
    while (end > 0 && Character.isWhitespace(src.charAt(end - 1))) {
      end--;
    }
    List<AndOrList> items = script.body().items();
    AndOrList lastItem = items.get(items.size() - 1);
    char lastChar = src.charAt(end - 1);
    if (lastItem.background()
        || lastItem.endOffset() != end
        || lastChar == ';'
        || lastChar == '&'
        || lastChar == '\\') {
      return Optional.empty(); // a trailing comment, separator or background job
    }
    return Optional.of(ctx.shellSpan(run, end - 1, end).end());
  }
}
