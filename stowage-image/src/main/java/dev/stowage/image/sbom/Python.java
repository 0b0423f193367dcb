package dev.stowage.image.sbom;

import java.util.List;
import java.util.Map;

/**
 * Installed Python distributions: {@code NAME.dist-info/METADATA}, {@code NAME.egg-info/PKG-INFO}
 * and the single-file {@code NAME.egg-info}; only the header (name, version, licence) is read.
 * Stateless.
 */
final class Python {
  private Python() {}

  static boolean wants(String path) {
    int slash = path.lastIndexOf('/');
    String name = path.substring(slash + 1);
    if (name.endsWith(".egg-info")) {
      return true; // a file (a directory entry never reaches a cataloger)
    }
    String parent = slash <= 0 ? "" : path.substring(path.lastIndexOf('/', slash - 1) + 1, slash);
    return name.equals("METADATA") && parent.endsWith(".dist-info")
        || name.equals("PKG-INFO") && parent.endsWith(".egg-info");
  }

  static List<Found> parse(String text, String path) {
    Map<String, String> h = Rfc822.header(text);
    String name = h.getOrDefault("name", "");
    String version = h.getOrDefault("version", "");
    if (name.isEmpty() || version.isEmpty()) {
      return List.of();
    }
    String licence = h.getOrDefault("license-expression", "");
    if (licence.isEmpty()) {
      licence = h.getOrDefault("license", "");
    }
    if (licence.equalsIgnoreCase("UNKNOWN") || licence.length() > 200) {
      licence = ""; // some packages paste the whole licence text into the header
    }
    return List.of(new Found(SbomPackage.Ecosystem.PYTHON, "", name, version,
        licence.isEmpty() ? List.of() : List.of(licence), path, Map.of()));
  }
}
