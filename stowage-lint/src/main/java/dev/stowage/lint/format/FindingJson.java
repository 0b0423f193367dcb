package dev.stowage.lint.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.lint.Finding;

/**
 * A finding as DESIGN.md's JSON object: exactly the fields rule, severity, message, file, line,
 * column, endLine, endColumn, category, fixable, in that order. The one definition behind {@code
 * lint --format json} and {@code check}'s JSON.
 */
public final class FindingJson {
  private FindingJson() {}

  public static ObjectNode of(Finding f) {
    ObjectNode node = JsonText.NODES.objectNode();
    node.put("rule", f.rule());
    node.put("severity", f.severity().label());
    node.put("message", f.message());
    node.put("file", f.file());
    node.put("line", f.line());
    node.put("column", f.column());
    node.put("endLine", f.endLine());
    node.put("endColumn", f.endColumn());
    node.put("category", f.category().label());
    node.put("fixable", f.fixable());
    return node;
  }
}
