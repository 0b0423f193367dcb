package dev.stowage.lint.rules.maintainability;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.net.URI;
import java.net.URISyntaxException;

/** A label the schema types as {@code url} that is no absolute URL leaves tools with a broken link. */
@Rule(
    id = "DL3052",
    title = "Label is not a valid URL",
    severity = Severity.WARNING,
    category = Category.MAINTAINABILITY)
public final class InvalidUrlLabel implements InstructionRule<Instruction.Label> {
  @Override
  public Class<Instruction.Label> type() {
    return Instruction.Label.class;
  }

  @Override
  public void check(Instruction.Label label, RuleContext ctx) {
    Labels.checkValues(label, ctx, "url", InvalidUrlLabel::isValid, "an absolute URL (RFC 3986)");
  }

  /** An absolute URI: a scheme, then a scheme-specific part, without spaces. */
  static boolean isValid(String value) {
    try {
      URI uri = new URI(value);
      return uri.isAbsolute() && uri.getScheme().matches("[A-Za-z][A-Za-z0-9+.-]*") && !uri.getSchemeSpecificPart().isEmpty();
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
