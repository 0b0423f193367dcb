package dev.stowage.lint.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.lint.Finding;
import dev.stowage.lint.Severity;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * {@code --format gitlab}: a GitLab Code Quality report, an array of issues with description,
 * check_name, fingerprint, severity and location (path, lines.begin).
 *
 * <p>Severities follow hadolint's: error is {@code blocker}, warning {@code major}, info {@code
 * info}, style {@code minor}. The fingerprint is the SHA-256 (hex) of the file name, rule id, the
 * finding's source line with surrounding blanks removed, the message, and how many identical
 * findings came before it in the file: it survives lines being inserted or removed above, so GitLab
 * sees a moved finding as the same issue. Stateless.
 */
final class GitlabFormatter implements FindingsFormatter {
  @Override
  public void write(List<FileResult> results, Writer out) throws IOException {
    ArrayNode issues = JsonText.NODES.arrayNode();
    for (FileResult r : results) {
      Map<String, Integer> seen = new HashMap<>();
      for (Finding f : r.findings()) {
        String key =
            String.join(
                "\u0000", f.file(), f.rule(), r.line(f.line()).orElse("").strip(), f.message());
        int occurrence = seen.merge(key, 1, Integer::sum) - 1;
        ObjectNode issue = issues.addObject();
        issue.put("description", f.message());
        issue.put("check_name", f.rule());
        issue.put("fingerprint", sha256(key + "\u0000" + occurrence));
        issue.put("severity", severity(f.severity()));
        ObjectNode location = issue.putObject("location");
        location.put("path", f.file());
        location.putObject("lines").put("begin", f.line());
      }
    }
    JsonText.write(issues, out);
  }

  static String severity(Severity s) {
    return switch (s) {
      case ERROR -> "blocker";
      case WARNING -> "major";
      case INFO -> "info";
      case STYLE -> "minor";
    };
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
