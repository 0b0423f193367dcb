package dev.stowage.lint.rules.size;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.shell.AndOrList;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.Pipeline;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.dockerfile.shell.Word;
import dev.stowage.lint.Category;
import dev.stowage.lint.Fix;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.List;
import java.util.Optional;

/** {@code apk add} without {@code --no-cache} leaves the package index in the layer. */
@Rule(
    id = "DL3019",
    title =
        "Use the --no-cache switch to avoid the need to use --update and remove /var/cache/apk/*"
            + " when done installing packages",
    severity = Severity.INFO,
    category = Category.SIZE,
    fixable = true)
public final class ApkAddWithoutNoCache implements InstructionRule<Instruction.Run> {
  @Override
  public Class<Instruction.Run> type() {
    return Instruction.Run.class;
  }

  @Override
  public void check(Instruction.Run run, RuleContext ctx) {
    Optional<ShellScript> script = ctx.shell(run);
    if (script.isEmpty() || PackageCaches.mountsCacheAt(run, "/var/cache/apk", "/etc/apk/cache")) {
      return;
    }
    // --no-network installs from what is already there: no index is fetched, nothing is cached
    for (Command c : script.get().invocations("apk", "add")) {
      if (c.hasFlag("--no-cache", "--no-network")
          || PackageCaches.removedAfter(script.get(), c, "/var/cache/apk")) {
        continue;
      }
      Word add = PackageCaches.subcommandWord(c).orElseThrow();
      ctx.report(
          ctx.shellSpan(run, c.offset(), c.endOffset()),
          "Use `apk add --no-cache` so the package index is not kept in the layer (or mount a cache"
              + " at /var/cache/apk)",
          withoutUpdate(script.get(), c, ctx, run)
              .map(drop -> PackageCaches.insertAfter(ctx, run, add, " --no-cache").and(drop))
              .orElseGet(() -> PackageCaches.insertAfter(ctx, run, add, " --no-cache")));
    }
  }

  /**
   * Deleting {@code apk update && } right before {@code add}: {@code apk add --no-cache} fetches
   * the index itself and keeps none, while the update's copy would stay in the layer. Only when
   * the update is the pipeline just before the add, joined by {@code &&}, and no other apk
   * command of the RUN reads the index.
   */
  private static Optional<Fix> withoutUpdate(
      ShellScript script, Command add, RuleContext ctx, Instruction.Run run) {
    List<Command> apk = script.commands().stream().filter(c -> c.name().equals("apk")).toList();
    List<Command> updates = apk.stream().filter(c -> c.is("apk", "update")).toList();
    if (updates.size() != 1
        || apk.stream()
            .anyMatch(c -> !c.is("apk", "update") && !c.is("apk", "add") && !c.is("apk", "del"))) {
      return Optional.empty();
    }
    Command update = updates.get(0);
    for (AndOrList item : script.body().items()) {
      List<Pipeline> pipes = item.pipelines();
      for (int i = 0; i + 1 < pipes.size(); i++) {
        if (pipes.get(i).commands().size() == 1
            && pipes.get(i).offset() == update.offset()
            && !pipes.get(i).negated()
            && item.connectors().get(i) == AndOrList.Connector.AND
            && pipes.get(i + 1).offset() == add.offset()
            && update.args().size() == 1
            && update.redirections().isEmpty()) {
          return Optional.of(Fix.delete(ctx.shellSpan(run, update.offset(), add.offset())));
        }
      }
    }
    return Optional.empty();
  }
}
