package dev.stowage.lint.rules.maintainability;

import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.dockerfile.Token;
import dev.stowage.lint.Category;
import dev.stowage.lint.DockerfileRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code # hadolint ignore=...} comment silences the next instruction's findings where nobody
 * reviews it; teams that want exceptions in configuration only turn this rule on.
 */
@Rule(
    id = "DL1001",
    title = "Please refrain from using inline ignore pragmas `# hadolint ignore=DLxxxx`",
    severity = Severity.STYLE,
    category = Category.MAINTAINABILITY,
    enabledByDefault = false)
public final class InlineIgnorePragma implements DockerfileRule {
  // hadolint's pragma grammar: "hadolint", blanks, "ignore", "=", a comma-separated list of ids
  private static final Pattern PRAGMA =
      Pattern.compile(
          "#[ \\t]*hadolint[ \\t]+ignore[ \\t]*=[ \\t]*([A-Z0-9]+(?:[ \\t]*,[ \\t]*[A-Z0-9]+)*)");

  @Override
  public void check(RuleContext ctx) {
    Dockerfile df = ctx.dockerfile();
    for (Token t : df.tokens()) {
      if (t.kind() != Token.Kind.COMMENT) {
        continue;
      }
      String text = t.text(df.source()).strip();
      Matcher m = PRAGMA.matcher(text);
      if (m.lookingAt()) {
        ctx.report(
            t.span(),
            "Inline ignore pragma for "
                + m.group(1).replaceAll("[ \\t]", "")
                + ": move the exception to the configuration file, where it is reviewed once");
      }
    }
  }
}
