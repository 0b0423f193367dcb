package dev.stowage.image.sbom;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Alpine's database {@code /lib/apk/db/installed}: one block of {@code X:value} lines per package
 * ({@code P} name, {@code V} version, {@code A} architecture, {@code L} licence, {@code o} origin).
 * Stateless.
 */
final class Apk {
  static final String INSTALLED = "/lib/apk/db/installed";

  private Apk() {}

  static boolean wants(String path) {
    return path.equals(INSTALLED);
  }

  static List<Found> parse(String text, String path) {
    List<Found> out = new ArrayList<>();
    Map<Character, String> block = new HashMap<>();
    for (String line : (text + "\n\n").split("\n", -1)) {
      if (line.isBlank()) {
        String name = block.getOrDefault('P', "");
        String version = block.getOrDefault('V', "");
        if (!name.isEmpty() && !version.isEmpty()) {
          Map<String, String> props = new HashMap<>();
          if (block.containsKey('A')) {
            props.put("arch", block.get('A'));
          }
          if (block.containsKey('o')) {
            props.put("source", block.get('o'));
          }
          String licence = block.getOrDefault('L', "");
          out.add(new Found(SbomPackage.Ecosystem.APK, "", name, version,
              licence.isEmpty() ? List.of() : List.of(licence), path, props));
        }
        block.clear();
        continue;
      }
      if (line.length() >= 2 && line.charAt(1) == ':') {
        block.putIfAbsent(line.charAt(0), line.substring(2).strip());
      }
    }
    return out;
  }
}
