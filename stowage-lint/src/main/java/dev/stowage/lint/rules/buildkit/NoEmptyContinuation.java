package dev.stowage.lint.rules.buildkit;

import dev.stowage.dockerfile.Diagnostic;
import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.InstructionNode;
import dev.stowage.dockerfile.Span;
import dev.stowage.dockerfile.Token;
import dev.stowage.lint.Category;
import dev.stowage.lint.DockerfileRule;
import dev.stowage.lint.Edit;
import dev.stowage.lint.Fix;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * A blank line inside a continued instruction ({@code RUN a \}, empty line, {@code b}): BuildKit
 * skips it today and will reject it in a future release. The parser finds these (diagnostic
 * {@code empty-continuation}); the rule points at the first blank line and the fix deletes them,
 * which does not change the instruction.
 */
@Rule(
    id = "NoEmptyContinuation",
    title = "Empty continuation lines will become errors in a future release",
    severity = Severity.WARNING,
    category = Category.CORRECTNESS,
    fixable = true)
public final class NoEmptyContinuation implements DockerfileRule {
  @Override
  public void check(RuleContext ctx) {
    Dockerfile df = ctx.dockerfile();
    for (Diagnostic d : df.diagnostics()) {
      if (!d.code().equals("empty-continuation")) {
        continue;
      }
      for (Instruction ins : df.instructions()) {
        if (ins.line() == d.line()) {
          report(ins.syntax(), df, ctx);
        }
      }
    }
  }

  private static void report(InstructionNode node, Dockerfile df, RuleContext ctx) {
    List<Token> tokens = df.tokens();
    List<Span> blank = new ArrayList<>();
    int lineStart = -1;
    boolean onlyBlanks = true;
    boolean firstLine = true;
    for (int i = node.firstToken(); i < node.endToken() && i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (lineStart < 0) {
        lineStart = t.start();
        onlyBlanks = true;
      }
      if (t.kind() == Token.Kind.HEREDOC_BODY || t.kind() == Token.Kind.HEREDOC_END) {
        break;
      }
      if (t.kind() == Token.Kind.NEWLINE) {
        if (onlyBlanks && !firstLine) {
          blank.add(new Span(lineStart, t.end()));
        }
        firstLine = false;
        lineStart = -1;
      } else if (t.kind() != Token.Kind.WHITESPACE) {
        onlyBlanks = false;
      }
    }
    if (blank.isEmpty()) {
      return;
    }
    List<Edit> edits = blank.stream().map(s -> new Edit(s, "")).toList();
    Span first = blank.get(0);
    ctx.report(
        new Span(first.start(), first.start()),
        "Empty continuation line: remove the blank line inside this " + node.name() + " (or end"
            + " the instruction before it)",
        new Fix(edits));
  }
}
