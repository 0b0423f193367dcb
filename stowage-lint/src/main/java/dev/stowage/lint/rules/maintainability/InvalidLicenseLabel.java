package dev.stowage.lint.rules.maintainability;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A license label that is no SPDX identifier cannot be checked by license scanners, so the image's
 * license obligations go unnoticed. SPDX license expressions ({@code MIT OR Apache-2.0}) are
 * accepted too, as the OCI {@code org.opencontainers.image.licenses} annotation specifies.
 */
@Rule(
    id = "DL3054",
    title = "Label is not a valid SPDX license identifier",
    severity = Severity.WARNING,
    category = Category.MAINTAINABILITY)
public final class InvalidLicenseLabel implements InstructionRule<Instruction.Label> {
  private static final Set<String> IDS = load();

  @Override
  public Class<Instruction.Label> type() {
    return Instruction.Label.class;
  }

  @Override
  public void check(Instruction.Label label, RuleContext ctx) {
    Labels.checkValues(
        label, ctx, "spdx", InvalidLicenseLabel::isValid, "an SPDX license identifier or expression");
  }

  /** Whether {@code value} is an SPDX license id (case-insensitive, as SPDX matches them). */
  static boolean isLicenseId(String value) {
    return IDS.contains(value.toLowerCase(Locale.ROOT));
  }

  /**
   * An SPDX license expression: ids (optionally with {@code +}) or {@code LicenseRef-} references
   * joined by AND / OR, with WITH exceptions and parentheses.
   */
  static boolean isValid(String value) {
    List<String> tokens = tokens(value);
    int[] pos = {0};
    return !tokens.isEmpty() && expression(tokens, pos) && pos[0] == tokens.size();
  }

  private static boolean expression(List<String> t, int[] pos) {
    if (!term(t, pos)) {
      return false;
    }
    while (pos[0] < t.size() && isOperator(t.get(pos[0]), "and", "or")) {
      pos[0]++;
      if (!term(t, pos)) {
        return false;
      }
    }
    return true;
  }

  private static boolean term(List<String> t, int[] pos) {
    if (pos[0] >= t.size()) {
      return false;
    }
    String tok = t.get(pos[0]++);
    if (tok.equals("(")) {
      if (!expression(t, pos) || pos[0] >= t.size() || !t.get(pos[0]).equals(")")) {
        return false;
      }
      pos[0]++;
      return true;
    }
    if (!isLicense(tok)) {
      return false;
    }
    if (pos[0] < t.size() && isOperator(t.get(pos[0]), "with")) {
      pos[0]++;
      return pos[0] < t.size() && t.get(pos[0]++).matches("[A-Za-z0-9][A-Za-z0-9.-]*");
    }
    return true;
  }

  private static boolean isLicense(String tok) {
    if (tok.matches("(DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+")) {
      return true;
    }
    String id = tok.endsWith("+") ? tok.substring(0, tok.length() - 1) : tok;
    return isLicenseId(id);
  }

  /** SPDX operators are all upper-case or all lower-case. */
  private static boolean isOperator(String tok, String... names) {
    for (String n : names) {
      if (tok.equals(n) || tok.equals(n.toUpperCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static List<String> tokens(String value) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (c == '(' || c == ')' || Character.isWhitespace(c)) {
        if (!cur.isEmpty()) {
          out.add(cur.toString());
          cur.setLength(0);
        }
        if (c != ' ' && !Character.isWhitespace(c)) {
          out.add(String.valueOf(c));
        }
      } else {
        cur.append(c);
      }
    }
    if (!cur.isEmpty()) {
      out.add(cur.toString());
    }
    return out;
  }

  private static Set<String> load() {
    Set<String> ids = new HashSet<>();
    try (InputStream in = InvalidLicenseLabel.class.getResourceAsStream("/dev/stowage/lint/spdx-license-ids.txt")) {
      if (in == null) {
        throw new IllegalStateException("missing resource spdx-license-ids.txt");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String id = line.strip();
        if (!id.isEmpty() && !id.startsWith("#")) {
          ids.add(id.toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(ids);
  }
}
