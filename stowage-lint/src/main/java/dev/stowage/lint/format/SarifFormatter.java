package dev.stowage.lint.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.lint.Finding;
import dev.stowage.lint.Severity;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code --format sarif}: a SARIF 2.1.0 log with one run (OASIS SARIF v2.1.0, section 3.13). The
 * driver lists the rules the results refer to, in id order (so that the output does not change when
 * the catalog grows), each with name, short description, help URI and default level; each result
 * has ruleId, ruleIndex, level, message and one physical location whose region uses the 1-based
 * lines and UTF-16 columns of the findings, end column exclusive (sections 3.30.5-3.30.8).
 * Immutable.
 */
final class SarifFormatter implements FindingsFormatter {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private final RuleDocs docs;

  SarifFormatter(RuleDocs docs) {
    this.docs = docs;
  }

  @Override
  public void write(List<FileResult> results, Writer out) throws IOException {
    TreeSet<String> ids = new TreeSet<>();
    for (FileResult r : results) {
      for (Finding f : r.findings()) {
        ids.add(f.rule());
      }
    }
    ObjectNode log = JsonText.NODES.objectNode();
    log.put("$schema", SCHEMA);
    log.put("version", "2.1.0");
    ObjectNode run = log.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "stowage");
    driver.put("informationUri", RuleDocs.PROJECT_URL);
    ArrayNode rules = driver.putArray("rules");
    Map<String, Integer> index = new HashMap<>();
    for (String id : ids) {
      index.put(id, rules.size());
      rules.add(rule(docs.info(id)));
    }
    ArrayNode sarifResults = run.putArray("results");
    for (FileResult r : results) {
      for (Finding f : r.findings()) {
        ObjectNode result = sarifResults.addObject();
        result.put("ruleId", f.rule());
        result.put("ruleIndex", index.get(f.rule()));
        result.put("level", level(f.severity()));
        result.putObject("message").put("text", f.message());
        ObjectNode physical =
            result.putArray("locations").addObject().putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", uri(f.file()));
        ObjectNode region = physical.putObject("region");
        region.put("startLine", f.line());
        region.put("startColumn", f.column());
        region.put("endLine", f.endLine());
        region.put("endColumn", f.endColumn());
      }
    }
    run.put("columnKind", "utf16CodeUnits");
    JsonText.write(log, out);
  }

  private static ObjectNode rule(RuleDocs.Info info) {
    ObjectNode rule = JsonText.NODES.objectNode();
    rule.put("id", info.id());
    rule.put("name", info.name());
    rule.putObject("shortDescription").put("text", info.title());
    info.link().ifPresent(link -> rule.put("helpUri", link));
    rule.putObject("defaultConfiguration").put("level", level(info.severity()));
    ObjectNode properties = rule.putObject("properties");
    properties.putArray("tags").add(info.category().label());
    properties.put("fixable", info.fixable());
    return rule;
  }

  /** SARIF has no level below {@code note} (section 3.27.10), so info and style are notes. */
  static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO, STYLE -> "note";
    };
  }

  /**
   * A URI reference for a file name: {@code /} separators, everything but unreserved characters and
   * {@code /} percent-encoded as UTF-8 (RFC 3986), and an absolute path as a {@code file:} URI.
   */
  static String uri(String file) {
    String path = file.replace('\\', '/');
    StringBuilder s = new StringBuilder(path.length() + 8);
    if (path.startsWith("/")) {
      s.append("file://");
    }
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean unreserved =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '.'
              || c == '_'
              || c == '~'
              || c == '/';
      if (unreserved) {
        s.append((char) c);
      } else {
        s.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        s.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return s.toString();
  }
}
