package dev.stowage.lint.shellcheck;

import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.dockerfile.Heredoc;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.InstructionNode;
import dev.stowage.dockerfile.Position;
import dev.stowage.dockerfile.model.DockerfileModel;
import dev.stowage.dockerfile.model.Scope;
import dev.stowage.lint.pragma.EffectiveShells;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks the shell scripts of a Dockerfile's RUN instructions (shell form and heredoc scripts,
 * ONBUILD triggers included) with ShellCheck, as hadolint does: in the stage's shell dialect,
 * skipping non-POSIX shells, with the ARG and ENV names in scope declared so that SC2154 stays
 * silent for them. Findings point into the Dockerfile. Stateless.
 */
public final class ScriptChecker {
  /** Variables BuildKit predefines without an ARG (hadolint declares the same). */
  static final List<String> PROXY_VARS =
      List.of(
          "HTTP_PROXY",
          "http_proxy",
          "HTTPS_PROXY",
          "https_proxy",
          "FTP_PROXY",
          "ftp_proxy",
          "NO_PROXY",
          "no_proxy",
          "ALL_PROXY",
          "all_proxy");

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern HEREDOC_ONLY = Pattern.compile("\\d*<<-?\\S+");

  private ScriptChecker() {}

  /**
   * One ShellCheck comment placed in the Dockerfile (1-based lines and columns).
   *
   * @param rule {@code SCnnnn}
   * @param level ShellCheck's level: {@code error}, {@code warning}, {@code info} or {@code style}
   */
  public record Issue(
      String rule,
      String level,
      String message,
      int line,
      int column,
      int endLine,
      int endColumn) {}

  /** Issues and problems of one run. */
  public record Result(List<Issue> findings, List<String> warnings) {
    public Result {
      findings = List.copyOf(findings);
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * A script as given to ShellCheck: a header ({@code #!} line, {@code export} line) and a body
   * whose characters map to source offsets.
   */
  record Script(InstructionNode node, String header, int headerLines, String body, int[] offsets) {
    String text() {
      return header + body;
    }
  }

  /** Runs {@code shellcheck} once (in batches) over every RUN script of {@code df}. */
  public static Result check(
      Dockerfile df, DockerfileModel model, EffectiveShells shells, ShellCheck shellcheck) {
    List<Script> scripts = scripts(df, model, shells);
    List<ShellCheck.Comment> comments;
    try {
      comments = shellcheck.check(scripts.stream().map(Script::text).toList());
    } catch (IOException e) {
      return new Result(List.of(), List.of(df.file() + ": shellcheck failed: " + e.getMessage()));
    }
    List<Issue> findings = new ArrayList<>();
    for (ShellCheck.Comment c : comments) {
      if (c.script() >= 0 && c.script() < scripts.size()) {
        toFinding(df, scripts.get(c.script()), c).ifPresent(findings::add);
      }
    }
    return new Result(findings, List.of());
  }

  /** The scripts ShellCheck is given, in instruction order. */
  static List<Script> scripts(Dockerfile df, DockerfileModel model, EffectiveShells shells) {
    List<Script> out = new ArrayList<>();
    for (Instruction ins : df.instructions()) {
      if (ins instanceof Instruction.Run run) {
        script(df, run, ins, model, shells).ifPresent(out::add);
      } else if (ins instanceof Instruction.Onbuild ob
          && ob.trigger().orElse(null) instanceof Instruction.Run run) {
        script(df, run, ins, model, shells).ifPresent(out::add);
      }
    }
    return out;
  }

  private static Optional<Script> script(
      Dockerfile df,
      Instruction.Run run,
      Instruction owner,
      DockerfileModel model,
      EffectiveShells shells) {
    InstructionNode n = run.syntax();
    if (n.json() || n.args().isEmpty()) {
      return Optional.empty();
    }
    Optional<String> dialect = EffectiveShells.shellcheckDialect(shells.shellOf(n));
    if (dialect.isEmpty()) {
      return Optional.empty();
    }
    String cmd = n.args().get(0).value();
    StringBuilder body = new StringBuilder();
    List<Integer> offsets = new ArrayList<>();
    List<Heredoc> heredocs = n.heredocs();
    if (!heredocs.isEmpty() && HEREDOC_ONLY.matcher(cmd.strip()).matches()) {
      // The heredoc is the script; BuildKit runs a body starting with #! by that interpreter.
      Heredoc h = heredocs.get(0);
      String content = h.content();
      int skip = 0;
      if (content.startsWith("#!")) {
        int nl = content.indexOf('\n');
        String shebang = (nl < 0 ? content : content.substring(0, nl)).substring(2).strip();
        dialect = EffectiveShells.shellcheckDialect(List.of(shebang.split("[ \\t]+")));
        if (dialect.isEmpty()) {
          return Optional.empty();
        }
        skip = nl < 0 ? content.length() : nl + 1;
      }
      append(body, offsets, content.substring(skip), h.contentSpan().start() + skip);
    } else {
      int start = n.restOffset();
      for (int i = 0; i < cmd.length(); i++) {
        body.append(cmd.charAt(i));
        offsets.add(n.sourceOffset(Math.min(start + i, n.original().length() - 1)));
      }
      // Heredocs follow the command line, as in the script BuildKit hands to the shell.
      for (Heredoc h : heredocs) {
        body.append('\n');
        offsets.add(Math.max(0, h.contentSpan().start() - 1));
        append(body, offsets, h.content(), h.contentSpan().start());
        String end = h.name() + "\n";
        int at = h.contentSpan().end();
        for (int i = 0; i < end.length(); i++) {
          body.append(end.charAt(i));
          offsets.add(Math.min(at + i, Math.max(at, h.span().end() - 1)));
        }
      }
    }
    if (body.isEmpty()) {
      return Optional.empty();
    }
    TreeSet<String> vars = new TreeSet<>(PROXY_VARS);
    Scope scope = model.scopeBefore(owner);
    vars.addAll(scope.args().keySet());
    vars.addAll(scope.env().keySet());
    vars.removeIf(v -> !NAME.matcher(v).matches());
    StringBuilder header = new StringBuilder("#!/bin/").append(dialect.get()).append('\n');
    header.append("export");
    for (String v : vars) {
      header.append(' ').append(v).append("=1");
    }
    header.append('\n');
    int[] map = offsets.stream().mapToInt(Integer::intValue).toArray();
    return Optional.of(new Script(n, header.toString(), 2, body.toString(), map));
  }

  private static void append(StringBuilder body, List<Integer> offsets, String text, int at) {
    for (int i = 0; i < text.length(); i++) {
      body.append(text.charAt(i));
      offsets.add(at + i);
    }
  }

  private static Optional<Issue> toFinding(Dockerfile df, Script s, ShellCheck.Comment c) {
    int line = c.line() - s.headerLines();
    if (line < 1) {
      return Optional.empty();
    }
    int start = offset(s.body(), line, c.column());
    int endLine = Math.max(line, c.endLine() - s.headerLines());
    int end = Math.max(start, offset(s.body(), endLine, c.endColumn()));
    int[] map = s.offsets();
    int srcStart = start < map.length ? map[start] : map[map.length - 1] + 1;
    int srcEnd = end > start ? map[Math.min(end, map.length) - 1] + 1 : srcStart;
    int limit = df.source().length();
    Position a = df.position(Math.min(srcStart, limit));
    Position b = df.position(Math.min(Math.max(srcEnd, srcStart), limit));
    return Optional.of(
        new Issue(
            "SC" + c.code(), c.level(), c.message(), a.line(), a.column(), b.line(), b.column()));
  }

  /** The offset in {@code text} of a 1-based line and character column (clamped to the text). */
  static int offset(String text, int line, int column) {
    int at = 0;
    for (int l = 1; l < line; l++) {
      int nl = text.indexOf('\n', at);
      if (nl < 0) {
        return text.length();
      }
      at = nl + 1;
    }
    int lineEnd = text.indexOf('\n', at);
    if (lineEnd < 0) {
      lineEnd = text.length();
    }
    return Math.min(at + Math.max(0, column - 1), lineEnd);
  }
}
