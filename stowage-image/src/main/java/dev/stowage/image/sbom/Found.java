package dev.stowage.image.sbom;

import java.util.List;
import java.util.Map;

/**
 * A package as a cataloger read it, before its package URL: {@code namespace} is the Maven group,
 * the npm scope without {@code @}, or empty. Immutable.
 */
record Found(
    SbomPackage.Ecosystem ecosystem,
    String namespace,
    String name,
    String version,
    List<String> licenses,
    String path,
    Map<String, String> properties) {
  Found {
    licenses = List.copyOf(licenses);
    properties = Map.copyOf(properties);
  }

  /** What makes two findings the same package (the layer that added it is kept across rewrites). */
  String identity() {
    return ecosystem + "\0" + namespace + "\0" + name + "\0" + version + "\0" + properties.getOrDefault("arch", "");
  }
}
