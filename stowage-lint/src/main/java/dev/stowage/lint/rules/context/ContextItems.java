package dev.stowage.lint.rules.context;

import dev.stowage.context.ContextScan;
import dev.stowage.context.ContextScan.NotableItem;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.rules.context.ContextSources.Context;
import dev.stowage.lint.rules.context.ContextSources.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The notable context items (VCS metadata, dependencies, build outputs, virtualenvs, caches, large
 * files) each COPY/ADD sends into the build and the image does not run on ({@link ContextUse});
 * secret-looking files are left to ST3002.
 */
final class ContextItems {
  private ContextItems() {}

  /** Instruction to the items it is the first to send, in file order. */
  static Map<Instruction.FileTransfer, List<NotableItem>> copiedItems(
      RuleContext ctx, Context context) {
    List<NotableItem> candidates =
        context.scan().sentNotable().stream()
            .filter(n -> n.kind() != ContextScan.Kind.SECRET)
            .filter(n -> n.sentBytes() > 0 || n.kind() == ContextScan.Kind.VCS)
            .toList();
    Map<Instruction.FileTransfer, List<NotableItem>> out = new LinkedHashMap<>();
    if (candidates.isEmpty()) {
      return out;
    }
    // What the image may run on is not advice to leave out (a prebuilt dist, node_modules with
    // no install step): the same test as stowage fix --dockerignore's.
    ContextUse use = ContextUse.of(ctx.dockerfile());
    candidates = candidates.stream().filter(n -> !use.mayNeed(n, context.dir())).toList();
    Set<NotableItem> reported = new LinkedHashSet<>();
    for (Stage stage : ctx.model().stages()) {
      for (Instruction.FileTransfer ft : stage.instructions(Instruction.FileTransfer.class)) {
        List<Source> sources = ContextSources.localSources(ft, ctx.scopeBefore(ft));
        List<NotableItem> mine = new ArrayList<>();
        for (NotableItem item : candidates) {
          if (!reported.contains(item) && sources.stream().anyMatch(s -> s.covers(item.path()))) {
            mine.add(item);
            reported.add(item);
          }
        }
        if (!mine.isEmpty()) {
          out.put(ft, mine);
        }
      }
    }
    return out;
  }

  /**
   * {@code .git/ (4.2 MB, version-control metadata), node_modules/ (120 MB, ...)}, largest first.
   */
  static String describe(List<NotableItem> items) {
    List<NotableItem> sorted = new ArrayList<>(items);
    sorted.sort((a, b) -> Long.compare(b.sentBytes(), a.sentBytes()));
    List<String> parts = new ArrayList<>();
    for (NotableItem n : sorted.subList(0, Math.min(5, sorted.size()))) {
      parts.add(
          n.path()
              + (n.directory() ? "/" : "")
              + " ("
              + ContextScan.humanBytes(n.sentBytes())
              + ", "
              + n.kind().description()
              + ")");
    }
    if (sorted.size() > 5) {
      parts.add("and " + (sorted.size() - 5) + " more");
    }
    return String.join(", ", parts);
  }

  /** The first line of patterns that would leave the items out. */
  static String patterns(List<NotableItem> items) {
    return String.join(" ", items.stream().map(NotableItem::path).distinct().limit(5).toList());
  }
}
