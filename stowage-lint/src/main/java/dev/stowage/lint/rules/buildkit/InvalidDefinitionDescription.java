package dev.stowage.lint.rules.buildkit;

import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Span;
import dev.stowage.dockerfile.Token;
import dev.stowage.lint.Category;
import dev.stowage.lint.DockerfileRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A comment right above {@code FROM ... AS name} or {@code ARG} that does not start with the
 * stage or argument name: {@code docker build --call=outline} and {@code --call=targets} show the
 * comment as the description, so an unrelated comment becomes a wrong description. As in BuildKit,
 * the last comment line of the block counts; a blank line or an empty {@code #} line ends a block.
 */
@Rule(
    id = "InvalidDefinitionDescription",
    title = "Comment for build stage or argument should follow the format: `# <arg/stage name> <description>`",
    severity = Severity.WARNING,
    category = Category.MAINTAINABILITY,
    enabledByDefault = false)
public final class InvalidDefinitionDescription implements DockerfileRule {
  @Override
  public void check(RuleContext ctx) {
    Dockerfile df = ctx.dockerfile();
    int from = 0;
    for (Instruction ins : df.instructions()) {
      List<String> comments = comments(df, from, ins.syntax().firstToken());
      from = ins.syntax().endToken();
      if (comments.isEmpty()) {
        continue;
      }
      String first = comments.get(comments.size() - 1).split(" ", -1)[0];
      switch (ins) {
        case Instruction.From f when f.stageName().isPresent() -> {
          String name = f.stageName().get().value();
          if (!first.equals(name) && !first.equals(name.toLowerCase(Locale.ROOT))) {
            report(ctx, ins, "FROM", name);
          }
        }
        case Instruction.Arg a when !a.declarations().isEmpty() -> {
          List<String> keys = a.declarations().stream().map(Instruction.KeyValue::key).toList();
          if (!keys.contains(first)) {
            report(ctx, ins, "ARG", keys.size() == 1 ? keys.get(0) : "<arg_key>");
          }
        }
        default -> {}
      }
    }
  }

  private static void report(RuleContext ctx, Instruction ins, String kind, String example) {
    int start = ins.span().start();
    ctx.report(
        new Span(start, start + ins.syntax().keyword().length()),
        "Comment for "
            + kind
            + " should follow the format: `# "
            + example
            + " <description>`; if it is not a description, put an empty line or an empty"
            + " comment between it and the instruction");
  }

  /** The description block before an instruction: comment texts since the last blank line. */
  private static List<String> comments(Dockerfile df, int fromToken, int toToken) {
    List<Token> tokens = df.tokens();
    List<String> out = new ArrayList<>();
    boolean lineHasComment = false;
    boolean lineHasDirective = false;
    for (int i = fromToken; i < toToken && i < tokens.size(); i++) {
      Token t = tokens.get(i);
      switch (t.kind()) {
        case COMMENT -> {
          String text = t.text(df.source()).strip();
          text = text.startsWith("#") ? text.substring(1).strip() : text;
          if (text.isEmpty()) {
            out.clear();
          } else {
            out.add(text);
          }
          lineHasComment = true;
        }
        case DIRECTIVE -> lineHasDirective = true;
        case NEWLINE -> {
          if (!lineHasComment && !lineHasDirective) {
            out.clear();
          }
          lineHasComment = false;
          lineHasDirective = false;
        }
        default -> {}
      }
    }
    return out;
  }
}
