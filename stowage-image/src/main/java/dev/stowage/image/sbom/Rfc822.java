package dev.stowage.image.sbom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The stanza format of dpkg's {@code status} and Python's {@code METADATA}: {@code Field: value}
 * lines, continuation lines starting with a space or tab, stanzas separated by blank lines. Field
 * names are matched case-insensitively (stored lower-cased); a repeated field keeps its first
 * value. Stateless.
 */
final class Rfc822 {
  private Rfc822() {}

  /** Every stanza of {@code text}. */
  static List<Map<String, String>> stanzas(String text) {
    List<Map<String, String>> out = new ArrayList<>();
    Map<String, String> current = new LinkedHashMap<>();
    String field = null;
    for (String line : text.split("\r?\n", -1)) {
      if (line.isBlank()) {
        if (!current.isEmpty()) {
          out.add(current);
          current = new LinkedHashMap<>();
        }
        field = null;
        continue;
      }
      if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && field != null) {
        continue; // continuation lines (descriptions, file lists) carry nothing a cataloger needs
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        field = null;
        continue;
      }
      field = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      current.putIfAbsent(field, line.substring(colon + 1).strip());
    }
    if (!current.isEmpty()) {
      out.add(current);
    }
    return out;
  }

  /** The first stanza (a metadata file's header), or an empty map. */
  static Map<String, String> header(String text) {
    int end = text.indexOf("\n\n");
    int crlf = text.indexOf("\r\n\r\n");
    if (crlf >= 0 && (end < 0 || crlf < end)) {
      end = crlf;
    }
    List<Map<String, String>> s = stanzas(end < 0 ? text : text.substring(0, end));
    return s.isEmpty() ? Map.of() : s.get(0);
  }
}
