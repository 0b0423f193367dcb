package dev.stowage.image.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Installed npm packages: {@code node_modules/NAME/package.json} and {@code
 * node_modules/@SCOPE/NAME/package.json} at any depth. A project's own {@code package.json}
 * (outside {@code node_modules}) describes the application, not a dependency, and is not
 * reported. Stateless.
 */
final class Npm {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Npm() {}

  static boolean wants(String path) {
    if (!path.endsWith("/package.json")) {
      return false;
    }
    int nm = path.lastIndexOf("/node_modules/");
    if (nm < 0) {
      return false;
    }
    String rest = path.substring(nm + "/node_modules/".length(), path.length() - "/package.json".length());
    int slash = rest.indexOf('/');
    return slash < 0 ? !rest.isEmpty() : rest.startsWith("@") && rest.indexOf('/', slash + 1) < 0;
  }

  static List<Found> parse(byte[] json, String path) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (IOException e) {
      return List.of();
    }
    if (root == null || !root.isObject()) {
      return List.of();
    }
    String name = root.path("name").asText("");
    String version = root.path("version").asText("");
    if (name.isEmpty() || version.isEmpty()) {
      return List.of();
    }
    String scope = "";
    if (name.startsWith("@") && name.indexOf('/') > 1) {
      scope = name.substring(1, name.indexOf('/'));
      name = name.substring(name.indexOf('/') + 1);
    }
    JsonNode lic = root.path("license");
    String licence = lic.isTextual() ? lic.asText() : lic.path("type").asText("");
    return List.of(new Found(SbomPackage.Ecosystem.NPM, scope, name, version,
        licence.isEmpty() ? List.of() : List.of(licence), path, Map.of()));
  }
}
