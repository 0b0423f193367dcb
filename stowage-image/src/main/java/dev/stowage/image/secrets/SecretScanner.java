package dev.stowage.image.secrets;

import dev.stowage.image.ImageContent;
import dev.stowage.image.ImageFormatException;
import dev.stowage.image.ImageSource;
import dev.stowage.image.ImageStream;
import dev.stowage.image.LayerWalker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secrets in every layer of an image, deleted ones included, in one streaming pass. Each
 * regular file is read up to {@value #MAX_READ} bytes; a file with a NUL byte in its first {@value
 * #BINARY_PROBE} bytes is binary and skipped. Immutable and thread-safe.
 */
public final class SecretScanner {
  static final int MAX_READ = 1 << 20;
  static final int BINARY_PROBE = 8192;
  private static final List<SecretRule> RULES = List.of(SecretRule.values());
  private static final Pattern SERVICE_ACCOUNT = Pattern.compile("\"type\"\\s*:\\s*\"service_account\"");
  private static final Pattern PEM_HEADER = Pattern.compile("(?m)^[A-Za-z-]+: .*$");
  private static final Pattern BASE64_BODY = Pattern.compile("[A-Za-z0-9+/=]{32,}");
  private static final Pattern KEY_FRAMING = Pattern.compile("-----[A-Z0-9 ]+-----|\\\\n|\\s+");

  private final LayerWalker walker;

  private SecretScanner(LayerWalker walker) {
    this.walker = walker;
  }

  public static SecretScanner create() {
    return new SecretScanner(LayerWalker.create());
  }

  public static SecretScanner using(LayerWalker walker) {
    return new SecretScanner(walker);
  }

  /** The secrets of an image and its layers. Immutable. */
  public record Report(String source, List<LayerWalker.Layer> layers, List<SecretFinding> findings) {
    public Report {
      layers = List.copyOf(layers);
      findings = List.copyOf(findings);
    }
  }

  /**
   * Scans {@code source}; findings are ordered by layer, path and line.
   *
   * @throws ImageFormatException when the source is not a readable image
   */
  public Report scan(ImageSource source, Optional<String> platform) throws ImageFormatException, IOException {
    Collector c = new Collector();
    return result(source.toString(), walker.walk(source, platform, c), c);
  }

  /**
   * Scans an image fetched by digest (a registry), already narrowed to one platform; closes
   * {@code content}.
   */
  public Report scan(ImageContent content) throws ImageFormatException, IOException {
    Collector c = new Collector();
    return result(content.name(), walker.walk(content, c), c);
  }

  /** Scans an archive read once as it streams in ({@code docker save}'s output). */
  public Report scan(ImageStream stream) throws ImageFormatException, IOException {
    Collector c = new Collector();
    return result(stream.name(), walker.walk(stream, c), c);
  }

  private Report result(String sourceName, List<LayerWalker.Layer> layers, Collector c) {
    List<SecretFinding> out = new ArrayList<>();
    for (Raw r : c.all) {
      LayerWalker.Layer l = layers.get(r.layer);
      out.add(new SecretFinding(r.rule, r.path, r.line, r.layer, l.digest(), l.command(),
          SecretFinding.redact(r.value), r.value.length(),
          r.removedBy < 0 ? OptionalInt.empty() : OptionalInt.of(r.removedBy)));
    }
    out.sort(Comparator.comparingInt(SecretFinding::layer)
        .thenComparing(SecretFinding::path)
        .thenComparingInt(SecretFinding::line)
        .thenComparing(f -> f.rule().id()));
    return new Report(sourceName, layers, out);
  }

  /** What a file's content matched, before its layer is known. */
  private record Match(SecretRule rule, int line, String value) {}

  /** A finding before the layer's digest is known. */
  private static final class Raw {
    final SecretRule rule;
    final String path;
    final int line;
    final int layer;
    final String value;
    int removedBy = -1;

    Raw(SecretRule rule, String path, int line, int layer, String value) {
      this.rule = rule;
      this.path = path;
      this.line = line;
      this.layer = layer;
      this.value = value;
    }
  }

  /** Scans files as they stream by and notes when a later layer removes one that had secrets. */
  private static final class Collector implements LayerWalker.Visitor {
    final List<Raw> all = new ArrayList<>();
    final Map<String, List<Raw>> present = new HashMap<>();

    @Override
    public LayerWalker.Step read(LayerWalker.Entry e, InputStream content) throws IOException {
      return switch (e.type()) {
        case WHITEOUT -> (layer, command) -> removeUnder(e.path(), layer, true);
        case OPAQUE -> (layer, command) -> removeUnder(e.path(), layer, false);
        default -> {
          List<Match> matches = e.type() == LayerWalker.Type.FILE && e.size() > 0 ? scan(e, content) : List.of();
          yield (layer, command) -> place(e.path(), layer, matches);
        }
      };
    }

    /** A file at {@code path} replaces what lower layers had there. */
    private void place(String path, int layer, List<Match> matches) {
      List<Raw> before = present.remove(path);
      if (before != null) {
        before.forEach(r -> r.removedBy = layer);
      }
      if (!matches.isEmpty()) {
        List<Raw> found = new ArrayList<>();
        for (Match m : matches) {
          found.add(new Raw(m.rule(), path, m.line(), layer, m.value()));
        }
        all.addAll(found);
        present.put(path, found);
      }
    }

    private void removeUnder(String path, int layer, boolean itself) {
      String prefix = path.equals("/") ? "/" : path + "/";
      for (Iterator<Map.Entry<String, List<Raw>>> it = present.entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<String, List<Raw>> en = it.next();
        if (itself && en.getKey().equals(path) || en.getKey().startsWith(prefix)) {
          en.getValue().stream().filter(r -> r.layer < layer).forEach(r -> r.removedBy = layer);
          en.getValue().removeIf(r -> r.removedBy >= 0);
          if (en.getValue().isEmpty()) {
            it.remove();
          }
        }
      }
    }

    private static List<Match> scan(LayerWalker.Entry e, InputStream content) throws IOException {
      byte[] bytes = content.readNBytes(MAX_READ);
      for (int i = 0, n = Math.min(bytes.length, BINARY_PROBE); i < n; i++) {
        if (bytes[i] == 0) {
          return List.of();
        }
      }
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      List<Match> out = new ArrayList<>();
      List<int[]> claimed = new ArrayList<>();
      for (SecretRule rule : RULES) {
        boolean applies = rule.contentRule() ? rule.mayMatch(text) : rule.appliesTo(e.name(), e.path(), text);
        if (!applies) {
          continue;
        }
        if (rule == SecretRule.GCP_SERVICE_ACCOUNT && !SERVICE_ACCOUNT.matcher(text).find()) {
          continue;
        }
        Matcher m = rule.pattern().matcher(text);
        while (m.find()) {
          int start = m.start(rule.group());
          int end = m.end(rule.group());
          if (overlaps(claimed, m.start(), m.end())) {
            continue;
          }
          String value = unquote(new String(text.substring(start, end).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
          if (rule == SecretRule.PRIVATE_KEY || rule == SecretRule.GCP_SERVICE_ACCOUNT) {
            // the key's body, without its framing and encryption headers; prose that merely names
            // a key type has no base64 body
            value = KEY_FRAMING.matcher(PEM_HEADER.matcher(value).replaceAll("")).replaceAll("");
            if (!BASE64_BODY.matcher(value).matches()) {
              continue;
            }
          }
          if (value.isEmpty() || rule.placeholder(value)) {
            continue;
          }
          claimed.add(new int[] {m.start(), m.end()});
          out.add(new Match(rule, line(text, start), value));
        }
      }
      return out;
    }

    private static boolean overlaps(List<int[]> claimed, int start, int end) {
      for (int[] c : claimed) {
        if (start < c[1] && c[0] < end) {
          return true;
        }
      }
      return false;
    }

    private static String unquote(String v) {
      String s = v.strip();
      if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
        return s.substring(1, s.length() - 1);
      }
      return s;
    }

    private static int line(String text, int offset) {
      int line = 1;
      for (int i = 0; i < offset; i++) {
        if (text.charAt(i) == '\n') {
          line++;
        }
      }
      return line;
    }
  }
}
