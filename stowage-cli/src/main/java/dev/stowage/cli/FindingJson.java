package dev.stowage.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.lint.Finding;

/** A finding as DESIGN.md's JSON object, keys in its order (as {@code lint --format json}). */
final class FindingJson {
  private FindingJson() {}

  static ObjectNode of(Finding f) {
    ObjectNode node = Json.NODES.objectNode();
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
