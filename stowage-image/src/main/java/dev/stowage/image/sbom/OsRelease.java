package dev.stowage.image.sbom;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@code os-release(5)}: shell-style {@code KEY=value} lines, values optionally quoted. Stateless. */
final class OsRelease {
  private OsRelease() {}

  static Optional<Sbom.Distro> parse(String text) {
    Map<String, String> v = new HashMap<>();
    for (String line : text.split("\n")) {
      String l = line.strip();
      int eq = l.indexOf('=');
      if (l.startsWith("#") || eq <= 0) {
        continue;
      }
      String value = l.substring(eq + 1).strip();
      if (value.length() >= 2
          && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
        value = value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
      }
      v.put(l.substring(0, eq), value);
    }
    String id = v.getOrDefault("ID", "");
    if (id.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Sbom.Distro(id, v.getOrDefault("VERSION_ID", ""), v.getOrDefault("PRETTY_NAME", id)));
  }
}
