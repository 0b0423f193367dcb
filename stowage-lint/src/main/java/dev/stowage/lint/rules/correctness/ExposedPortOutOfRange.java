package dev.stowage.lint.rules.correctness;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Word;
import dev.stowage.dockerfile.lexer.Expansion;
import dev.stowage.dockerfile.lexer.ExpansionException;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TCP and UDP ports are 16-bit numbers; BuildKit refuses an EXPOSE outside 0 to 65535 (or a
 * reversed range), so the build fails at that line.
 */
@Rule(
    id = "DL3011",
    title = "Valid UNIX ports range from 0 to 65535",
    severity = Severity.ERROR,
    category = Category.CORRECTNESS)
public final class ExposedPortOutOfRange implements InstructionRule<Instruction.Expose> {
  // [ip:[hostPort]:]containerPort[-end][/proto], as Docker's nat.ParsePortSpec reads it
  private static final Pattern SPEC = Pattern.compile("(?:.*:)?(\\d+)(?:-(\\d+))?(?:/[A-Za-z]*)?");

  @Override
  public Class<Instruction.Expose> type() {
    return Instruction.Expose.class;
  }

  @Override
  public void check(Instruction.Expose expose, RuleContext ctx) {
    for (Word w : expose.ports()) {
      Optional<String> value = resolve(w.value(), ctx);
      if (value.isEmpty()) {
        continue; // set by a build arg we cannot see
      }
      for (String spec : value.get().strip().split("\\s+")) {
        problem(spec).ifPresent(p -> ctx.report(w.span(), "EXPOSE " + spec + ": " + p));
      }
    }
  }

  private static Optional<String> resolve(String raw, RuleContext ctx) {
    try {
      Expansion e = ctx.scope().expandWithMatches(raw);
      return e.unmatched().isEmpty() ? Optional.of(e.result()) : Optional.empty();
    } catch (ExpansionException e) {
      return Optional.empty();
    }
  }

  /** What is wrong with one port spec, if anything; non-numeric specs are left to the parser. */
  static Optional<String> problem(String spec) {
    Matcher m = SPEC.matcher(spec);
    if (spec.isEmpty() || !m.matches()) {
      return Optional.empty();
    }
    long start = parse(m.group(1));
    long end = m.group(2) == null ? start : parse(m.group(2));
    if (start > 65535 || end > 65535) {
      return Optional.of("valid ports range from 0 to 65535");
    }
    if (end < start) {
      return Optional.of("the port range ends before it starts");
    }
    return Optional.empty();
  }

  private static long parse(String digits) {
    return digits.length() > 9 ? Long.MAX_VALUE : Long.parseLong(digits);
  }
}
