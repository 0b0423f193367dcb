package dev.stowage.lint.rules.maintainability;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A contact label that is no e-mail address leaves nobody to contact about the image. */
@Rule(
    id = "DL3058",
    title = "Label is not a valid email format - must conform to RFC5322",
    severity = Severity.WARNING,
    category = Category.MAINTAINABILITY)
public final class InvalidEmailLabel implements InstructionRule<Instruction.Label> {
  @Override
  public Class<Instruction.Label> type() {
    return Instruction.Label.class;
  }

  @Override
  public void check(Instruction.Label label, RuleContext ctx) {
    Labels.checkValues(label, ctx, "email", InvalidEmailLabel::isValid, "an e-mail address (RFC 5322, such as dev@example.com or Dev <dev@example.com>)");
  }

  private static final String ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
  private static final String DOT_ATOM = ATEXT + "(?:\\." + ATEXT + ")*";
  private static final String QUOTED = "\"(?:[^\"\\\\\\r\\n]|\\\\.)*\"";
  private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
  private static final String DOMAIN = LABEL + "(?:\\." + LABEL + ")*";
  private static final String LITERAL = "\\[[^\\[\\]\\\\\\s]*\\]";
  private static final Pattern EMAIL =
      Pattern.compile("(?:" + DOT_ATOM + "|" + QUOTED + ")@(?:" + DOMAIN + "|" + LITERAL + ")");

  private static final Pattern NAME_ADDR = Pattern.compile("[^<>]*<([^<>]+)>");

  /**
   * RFC 5322's mailbox: an addr-spec (dot-atom or quoted local part, {@code @}, host name or domain
   * literal), optionally written as {@code Display Name <addr-spec>}.
   */
  static boolean isValid(String value) {
    Matcher m = NAME_ADDR.matcher(value.strip());
    return m.matches() ? isAddrSpec(m.group(1)) : isAddrSpec(value);
  }

  private static boolean isAddrSpec(String value) {
    int at = value.lastIndexOf('@');
    return at > 0 && at <= 64 && value.length() <= 254 && EMAIL.matcher(value).matches();
  }
}
