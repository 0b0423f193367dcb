package dev.stowage.lint.rules;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Span;
import dev.stowage.dockerfile.model.DockerfileModel;
import dev.stowage.dockerfile.shell.AndOrList;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.Pipeline;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.dockerfile.shell.Word;
import dev.stowage.lint.Edit;
import dev.stowage.lint.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Source ranges for the edits that structural fixes make inside a RUN: where its command starts,
 * the text that removes one command together with its {@code &&} or {@code ;}, the text that
 * removes one word. Stateless and thread-safe.
 */
public final class ShellEdits {
  private ShellEdits() {}

  /** The source offset where the RUN's command starts, after the keyword and the flags. */
  public static int commandStart(Instruction.Run run) {
    return run.syntax().sourceOffset(run.syntax().restOffset());
  }

  /**
   * An edit adding {@code flags} (such as {@code --mount=...}) to a RUN after the ones it has:
   * before the command on the command's line, or on a line of its own when the command starts on
   * a continued line of its own (a flag per line stays a flag per line).
   */
  public static Edit flagsInsertion(RuleContext ctx, Instruction.Run run, String flags) {
    String source = ctx.dockerfile().source();
    int at = commandStart(run);
    int lineStart = source.lastIndexOf('\n', at - 1) + 1;
    if (lineStart <= run.span().start() || !source.substring(lineStart, at).isBlank()) {
      return new Edit(new Span(at, at), flags + " ");
    }
    return new Edit(
        new Span(at, at),
        flags + " " + ctx.dockerfile().directives().escape() + newlineBefore(source, lineStart)
            + source.substring(lineStart, at));
  }

  /**
   * What continues a RUN's last line onto a new one before text appended at {@code at}: a blank
   * when {@code at} is on the RUN's first line; else the escape character and a line indented like
   * the one holding {@code at}.
   */
  public static String continuation(RuleContext ctx, Instruction.Run run, int at) {
    String source = ctx.dockerfile().source();
    int lineStart = source.lastIndexOf('\n', at - 1) + 1;
    if (lineStart <= run.span().start()) {
      return " ";
    }
    int indent = lineStart;
    while (indent < at && (source.charAt(indent) == ' ' || source.charAt(indent) == '\t')) {
      indent++;
    }
    return " " + ctx.dockerfile().directives().escape() + newlineBefore(source, lineStart)
        + source.substring(lineStart, indent);
  }

  /** The terminator of the line that ends just before {@code lineStart}. */
  private static String newlineBefore(String source, int lineStart) {
    return lineStart >= 2 && source.charAt(lineStart - 2) == '\r' ? "\r\n" : "\n";
  }

  /**
   * The source range that removes {@code c} and the connector joining it to its neighbour, when
   * that leaves the script meaning the same minus this command: {@code c} is a whole pipeline of a
   * top-level list, joined by {@code &&} (or a {@code ;} or newline), and not the only command.
   */
  public static Optional<Span> commandRemoval(
      RuleContext ctx, Instruction.Run run, ShellScript script, Command c) {
    if (!script.errors().isEmpty() || c.parent().isPresent()) {
      return Optional.empty();
    }
    List<AndOrList> items = script.body().items();
    for (int i = 0; i < items.size(); i++) {
      AndOrList item = items.get(i);
      int at = indexOf(item.pipelines(), c);
      if (at < 0) {
        continue;
      }
      Pipeline pipeline = item.pipelines().get(at);
      if (item.background() || item.connectors().stream().anyMatch(k -> k != AndOrList.Connector.AND)) {
        return Optional.empty();
      }
      int n = item.pipelines().size();
      if (at > 0) {
        return Optional.of(ctx.shellSpan(run, item.pipelines().get(at - 1).endOffset(), pipeline.endOffset()));
      }
      if (n > 1) {
        return Optional.of(ctx.shellSpan(run, pipeline.offset(), item.pipelines().get(1).offset()));
      }
      if (i > 0 && !items.get(i - 1).background()) {
        return Optional.of(ctx.shellSpan(run, items.get(i - 1).endOffset(), pipeline.endOffset()));
      }
      if (i + 1 < items.size()) {
        return Optional.of(ctx.shellSpan(run, pipeline.offset(), items.get(i + 1).offset()));
      }
      return Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * Where {@code && command} can be appended to a RUN so that it runs last: right after the last
   * command list of a shell-form command (not a heredoc) that parsed cleanly, before a trailing
   * {@code ;} or comment; none when that list runs in the background. Appending is exact where
   * prepending is not: {@code a || b && c} runs {@code c} after the whole list, in {@code a; b
   * && c} the status of {@code a} was ignored before, and {@code a && b;} becomes {@code a && b
   * && c;}.
   */
  public static Optional<Integer> appendOffset(
      Instruction.Run run, ShellScript script, RuleContext ctx) {
    if (!run.heredocs().isEmpty()
        || !script.errors().isEmpty()
        || script.body().items().isEmpty()) {
      return Optional.empty();
    }
    List<AndOrList> items = script.body().items();
    AndOrList lastItem = items.get(items.size() - 1);
    if (lastItem.background()) {
      return Optional.empty();
    }
    int end = lastItem.endOffset();
    return Optional.of(ctx.shellSpan(run, end - 1, end).end());
  }

  /** The index of the one-command, not negated pipeline that is {@code c}, or -1. */
  private static int indexOf(List<Pipeline> pipelines, Command c) {
    for (int i = 0; i < pipelines.size(); i++) {
      Pipeline p = pipelines.get(i);
      if (p.commands().size() == 1 && !p.negated() && p.commands().get(0) == c.node()) {
        return i;
      }
    }
    return -1;
  }

  /** The source range of {@code w} with the blanks before it (a flag to drop). */
  public static Span wordRemoval(RuleContext ctx, Instruction.Run run, ShellScript script, Word w) {
    String src = script.source();
    int start = w.offset();
    while (start > 0 && (src.charAt(start - 1) == ' ' || src.charAt(start - 1) == '\t')) {
      start--;
    }
    return ctx.shellSpan(run, start, w.endOffset());
  }

  /**
   * The user the instruction runs as: the last {@code USER} before it in its stage's lineage, or
   * empty when none was set (the base image's user, root for nearly every image).
   */
  public static Optional<String> userBefore(DockerfileModel model, Instruction instruction) {
    Optional<String> user = Optional.empty();
    for (Instruction i : Stages.before(model, instruction)) {
      if (i instanceof Instruction.User u) {
        user = u.user();
      }
    }
    return user;
  }

  /** Whether a {@code USER} value is root. */
  public static boolean isRoot(String user) {
    return user.equals("root") || user.equals("0");
  }

  /** {@code path} resolved against {@code dir}, normalised, without a trailing slash. */
  public static String resolvePath(String dir, String path) {
    String joined = path.startsWith("/") ? path : dir + "/" + path;
    List<String> parts = new ArrayList<>();
    for (String p : joined.split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
      } else {
        parts.add(p);
      }
    }
    String out = String.join("/", parts);
    return joined.startsWith("/") ? "/" + out : out;
  }

}
