package dev.stowage.lint.rules.size;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Mount;
import dev.stowage.dockerfile.Span;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.dockerfile.shell.AndOrList;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.lint.Category;
import dev.stowage.lint.Edit;
import dev.stowage.lint.Fix;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import dev.stowage.lint.rules.ShellEdits;
import dev.stowage.lint.rules.Stages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
    Span at = ctx.shellSpan(run, last.offset(), last.endOffset());
    Optional<Fix> fix;
    if (laterStepsUseLists(run, ctx)) {
      // deleting the lists here would break the install that follows: merge them instead
      fix = mergeIntoNextRun(run, script, last, ctx);
    } else {
      fix = ShellEdits.appendOffset(run, script, ctx).map(end -> Fix.insertBefore(end, CLEANUP));
    }
    if (fix.isPresent()) {
      ctx.report(at, message, fix.get());
    } else {
      ctx.report(at, message);
    }
  }

  /** apt subcommands that read the package lists. */
  private static final Set<String> READS_LISTS =
      Set.of(
          "install", "upgrade", "dist-upgrade", "full-upgrade", "build-dep", "source", "download",
          "reinstall");

  /**
   * Whether a later RUN of the stage, or of a stage built on it, reads the package lists this RUN
   * downloaded (an apt install, upgrade, ... with no update of its own before it).
   */
  private static boolean laterStepsUseLists(Instruction.Run run, RuleContext ctx) {
    if (ctx.inOnbuild()) {
      return true; // what follows in the child image is unknown
    }
    Optional<Stage> own = ctx.stage();
    if (own.isEmpty()) {
      return true;
    }
    List<Instruction> later = new ArrayList<>();
    List<Instruction> mine = own.get().instructions();
    later.addAll(mine.subList(mine.indexOf(run) + 1, mine.size()));
    for (Stage s : ctx.model().stages()) {
      if (s.index() != own.get().index()
          && Stages.lineage(ctx.model(), s).stream().anyMatch(x -> x.index() == own.get().index())) {
        later.addAll(s.instructions());
      }
    }
    for (Instruction i : later) {
      if (i instanceof Instruction.Run r && readsListsFirst(r, ctx)) {
        return true;
      }
      if (i instanceof Instruction.Onbuild) {
        return true;
      }
    }
    return false;
  }

  private static boolean readsListsFirst(Instruction.Run r, RuleContext ctx) {
    Optional<ShellScript> script = ctx.shell(r);
    if (script.isEmpty()) {
      return false;
    }
    for (Command c : script.get().commands()) {
      if (c.is("apt-get", "update") || c.is("apt", "update") || c.is("aptitude", "update")) {
        return false;
      }
      if ((c.name().equals("apt-get") || c.name().equals("apt") || c.name().equals("aptitude"))
          && c.subcommand().filter(READS_LISTS::contains).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /**
   * A RUN holding nothing but {@code apt-get update}, followed directly by a RUN that installs
   * with apt: the update moves to the front of that RUN ({@code apt-get update && ...}) with the
   * lists deleted at its end, so that a cached update layer can never serve stale lists to a
   * changed install. Only when the next RUN is one {@code &&} chain (the build still stops where
   * it stopped) and no step after it reads the lists.
   */
  private static Optional<Fix> mergeIntoNextRun(
      Instruction.Run run, ShellScript script, Command update, RuleContext ctx) {
    if (ctx.inOnbuild()
        || script.commands().size() != 1
        || !script.errors().isEmpty()
        || !run.heredocs().isEmpty()
        || !run.syntax().flags().isEmpty()
        || ctx.stage().isEmpty()) {
      return Optional.empty();
    }
    List<Instruction> mine = ctx.stage().get().instructions();
    int index = mine.indexOf(run);
    if (index < 0 || index + 1 >= mine.size() || !(mine.get(index + 1) instanceof Instruction.Run next)) {
      return Optional.empty();
    }
    Optional<ShellScript> found = ctx.shell(next);
    if (found.isEmpty() || !next.heredocs().isEmpty() || !found.get().errors().isEmpty()) {
      return Optional.empty();
    }
    ShellScript nextScript = found.get();
    List<AndOrList> items = nextScript.body().items();
    if (items.size() != 1
        || items.get(0).background()
        || items.get(0).connectors().contains(AndOrList.Connector.OR)
        || !readsListsFirst(next, ctx)
        || laterStepsUseLists(next, ctx)) {
      return Optional.empty();
    }
    String source = ctx.dockerfile().source();
    int start = run.span().start();
    int lineStart = source.lastIndexOf('\n', start - 1) + 1;
    int end = run.span().end();
    if (!source.substring(lineStart, start).isBlank()
        || end >= source.length()
        || !source.substring(end, source.indexOf('\n', end) < 0 ? source.length() : source.indexOf('\n', end)).isBlank()) {
      return Optional.empty();
    }
    int lineEnd = source.indexOf('\n', end) + 1;
    Fix fix =
        Fix.of(
            new Edit(new Span(lineStart, lineEnd), ""),
            new Edit(
                new Span(
                    ctx.shellSpan(next, items.get(0).offset(), items.get(0).offset()).start(),
                    ctx.shellSpan(next, items.get(0).offset(), items.get(0).offset()).start()),
                update.raw() + " && "));
    if (nextScript.isRemoved(LISTS) || listsNotInLayer(next)) {
      return Optional.of(fix);
    }
    Optional<Integer> append = ShellEdits.appendOffset(next, nextScript, ctx);
    return append.map(a -> fix.and(Fix.insertBefore(a, CLEANUP)));
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
}
