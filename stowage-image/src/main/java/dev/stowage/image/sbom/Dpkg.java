package dev.stowage.image.sbom;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * dpkg's database: {@code /var/lib/dpkg/status} (only packages whose status is {@code installed})
 * and the one-stanza files of distroless images in {@code /var/lib/dpkg/status.d/}. Stateless.
 */
final class Dpkg {
  static final String STATUS = "/var/lib/dpkg/status";
  static final String STATUS_D = "/var/lib/dpkg/status.d/";

  private Dpkg() {}

  static boolean wants(String path) {
    return path.equals(STATUS)
        || path.startsWith(STATUS_D) && path.indexOf('/', STATUS_D.length()) < 0 && !path.endsWith(".md5sums");
  }

  static List<Found> parse(String text, String path) {
    List<Found> out = new ArrayList<>();
    for (Map<String, String> s : Rfc822.stanzas(text)) {
      String name = s.getOrDefault("package", "");
      String version = s.getOrDefault("version", "");
      if (name.isEmpty() || version.isEmpty()) {
        continue;
      }
      String status = s.get("status");
      if (status != null && !status.endsWith(" installed")) {
        continue; // config-files, half-installed, not-installed
      }
      Map<String, String> props = new HashMap<>();
      String arch = s.getOrDefault("architecture", "");
      if (!arch.isEmpty()) {
        props.put("arch", arch);
      }
      String source = s.getOrDefault("source", "");
      if (!source.isEmpty()) {
        // "Source: name (version)" when the source version differs from the binary's
        int paren = source.indexOf(" (");
        props.put("source", paren < 0 ? source : source.substring(0, paren));
      }
      out.add(new Found(SbomPackage.Ecosystem.DPKG, "", name, version, List.of(), path, props));
    }
    return out;
  }
}
