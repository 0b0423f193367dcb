package dev.stowage.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.lint.RuleMeta;
import dev.stowage.lint.format.RuleDocs;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints {@code lint --list-rules}: a table (ID, SEVERITY, CATEGORY, FIXABLE, TITLE; columns padded
 * to their widest cell) or a JSON array of {@code {id, title, severity, category, fixable, aliases,
 * url}}, in catalog order. Stateless.
 */
final class RuleTable {
  private RuleTable() {}

  static void print(List<RuleMeta> rules, boolean json, PrintWriter out) {
    if (json) {
      ArrayNode all = Json.NODES.arrayNode();
      for (RuleMeta m : rules) {
        ObjectNode node = all.addObject();
        node.put("id", m.id());
        node.put("title", m.title());
        node.put("severity", m.severity().label());
        node.put("category", m.category().label());
        node.put("fixable", m.fixable());
        ArrayNode aliases = node.putArray("aliases");
        m.aliases().forEach(aliases::add);
        node.put("url", RuleDocs.url(m.id()));
      }
      Json.print(all, out);
      return;
    }
    int id = "ID".length();
    int severity = "SEVERITY".length();
    int category = "CATEGORY".length();
    for (RuleMeta m : rules) {
      id = Math.max(id, m.id().length());
      severity = Math.max(severity, m.severity().label().length());
      category = Math.max(category, m.category().label().length());
    }
    out.print(row(id, severity, category, "ID", "SEVERITY", "CATEGORY", "FIXABLE", "TITLE"));
    for (RuleMeta m : rules) {
      out.print(
          row(
              id,
              severity,
              category,
              m.id(),
              m.severity().label(),
              m.category().label(),
              m.fixable() ? "yes" : "no",
              m.title()));
    }
  }

  private static String row(
      int idWidth,
      int severityWidth,
      int categoryWidth,
      String id,
      String severity,
      String category,
      String fixable,
      String title) {
    return pad(id, idWidth)
        + "  "
        + pad(severity, severityWidth)
        + "  "
        + pad(category, categoryWidth)
        + "  "
        + pad(fixable, "FIXABLE".length())
        + "  "
        + title
        + "\n";
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
