package dev.stowage.lint.rules.maintainability;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A creation time in a made-up format cannot be sorted or compared by the tools that read it. */
@Rule(
    id = "DL3053",
    title = "Label is not a valid time format - must conform to RFC3339",
    severity = Severity.WARNING,
    category = Category.MAINTAINABILITY)
public final class InvalidTimeLabel implements InstructionRule<Instruction.Label> {
  @Override
  public Class<Instruction.Label> type() {
    return Instruction.Label.class;
  }

  @Override
  public void check(Instruction.Label label, RuleContext ctx) {
    Labels.checkValues(label, ctx, "rfc3339", InvalidTimeLabel::isValid, "an RFC 3339 date-time such as 2024-05-01T12:00:00Z");
  }

  private static final Pattern RFC3339 =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?([Zz]|[+-](\\d{2}):(\\d{2}))");

  /** RFC 3339's date-time: full date, time, optional fraction, and a zone; fields in range. */
  static boolean isValid(String value) {
    Matcher m = RFC3339.matcher(value);
    if (!m.matches()) {
      return false;
    }
    try {
      LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (DateTimeException e) {
      return false;
    }
    int hour = Integer.parseInt(m.group(4));
    int minute = Integer.parseInt(m.group(5));
    int second = Integer.parseInt(m.group(6)); // 60 is a leap second
    boolean zoneOk = m.group(9) == null || (Integer.parseInt(m.group(9)) <= 23 && Integer.parseInt(m.group(10)) <= 59);
    return hour <= 23 && minute <= 59 && second <= 60 && zoneOk;
  }
}
