package dev.stowage.dockerfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The value of a {@code RUN --mount=} flag split into its fields, as BuildKit reads them
 * (comma-separated {@code key=value} fields with CSV quoting). Immutable.
 *
 * @param type {@code bind} (the default), {@code cache}, {@code tmpfs}, {@code secret} or {@code
 *     ssh}
 * @param fields every field as written, keys lower-cased, in order; boolean fields without a value
 *     map to {@code ""}
 * @param problems what BuildKit would refuse in this value (unknown keys, bad values)
 */
public record Mount(String type, Map<String, String> fields, List<String> problems) {
  public Mount {
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    problems = List.copyOf(problems);
  }

  private static final List<String> KEYS =
      List.of(
          "type", "target", "dst", "destination", "source", "src", "from", "id", "sharing",
          "mode", "uid", "gid", "required", "readonly", "ro", "readwrite", "rw", "size", "env",
          "rbind", "bind-propagation");

  /** Parses the value of a {@code --mount} flag. Never throws; problems are recorded. */
  public static Mount parse(String value) {
    Map<String, String> fields = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (String field : splitCsv(value, problems)) {
      int eq = field.indexOf('=');
      String key = (eq < 0 ? field : field.substring(0, eq)).toLowerCase(Locale.ROOT).strip();
      String val = eq < 0 ? "" : field.substring(eq + 1);
      if (key.isEmpty()) {
        continue;
      }
      if (!KEYS.contains(key)) {
        problems.add("unexpected key '" + key + "' in '" + field + "'");
      }
      fields.put(key, val);
    }
    String type = fields.getOrDefault("type", "bind").toLowerCase(Locale.ROOT);
    if (!List.of("bind", "cache", "tmpfs", "secret", "ssh").contains(type)) {
      problems.add("unsupported mount type '" + type + "'");
    }
    String sharing = fields.get("sharing");
    if (sharing != null && !List.of("shared", "private", "locked").contains(sharing)) {
      problems.add("unsupported sharing value '" + sharing + "'");
    }
    return new Mount(type, fields, problems);
  }

  /** Splits one CSV record (RFC 4180 quoting), as Go's encoding/csv reads a mount value. */
  private static List<String> splitCsv(String value, List<String> problems) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    boolean fieldStart = true;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < value.length() && value.charAt(i + 1) == '"') {
            cur.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cur.append(c);
        }
      } else if (c == '"' && fieldStart) {
        quoted = true;
        fieldStart = false;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
        fieldStart = true;
      } else {
        cur.append(c);
        fieldStart = false;
      }
    }
    if (quoted) {
      problems.add("unterminated quote in mount value");
    }
    out.add(cur.toString());
    return out;
  }

  public Optional<String> field(String key) {
    return Optional.ofNullable(fields.get(key));
  }

  /** The mount target ({@code target}, {@code dst} or {@code destination}). */
  public Optional<String> target() {
    return firstOf("target", "dst", "destination");
  }

  /** The mount source ({@code source} or {@code src}). */
  public Optional<String> source() {
    return firstOf("source", "src");
  }

  public Optional<String> from() {
    return field("from");
  }

  public Optional<String> id() {
    return field("id");
  }

  /** The cache sharing mode; BuildKit's default is {@code shared}. */
  public String sharing() {
    return fields.getOrDefault("sharing", "shared");
  }

  public boolean isCache() {
    return type.equals("cache");
  }

  public boolean isSecret() {
    return type.equals("secret");
  }

  private Optional<String> firstOf(String... keys) {
    for (String k : keys) {
      String v = fields.get(k);
      if (v != null) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
