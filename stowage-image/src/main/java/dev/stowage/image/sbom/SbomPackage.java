package dev.stowage.image.sbom;

import java.util.List;
import java.util.Map;

/**
 * One package found in an image. Immutable.
 *
 * @param ecosystem what cataloged it
 * @param name the package name (for Maven {@code artifactId}, for npm with its {@code @scope/})
 * @param version the version as the package metadata states it (may be empty when unknown)
 * @param purl the package URL
 * @param licenses declared licences as the metadata states them (may be empty)
 * @param path where its metadata lives in the image ({@code outer.jar!/BOOT-INF/lib/x.jar} for a
 *     nested archive)
 * @param layer the index of the layer that added it (the earliest layer whose metadata already
 *     listed the same package at the same version)
 * @param properties further facts: {@code arch}, {@code source} (dpkg source package), {@code
 *     goVersion}, ...
 */
public record SbomPackage(
    Ecosystem ecosystem,
    String name,
    String version,
    String purl,
    List<String> licenses,
    String path,
    int layer,
    Map<String, String> properties) {
  public SbomPackage {
    licenses = List.copyOf(licenses);
    properties = Map.copyOf(properties);
  }

  /** The catalogers, with the package URL type each one produces. */
  public enum Ecosystem {
    DPKG("deb"),
    APK("apk"),
    PYTHON("pypi"),
    NPM("npm"),
    JAVA("maven"),
    GO("golang");

    private final String purlType;

    Ecosystem(String purlType) {
      this.purlType = purlType;
    }

    /** The package URL type ({@code deb}, {@code pypi}, ...). */
    public String purlType() {
      return purlType;
    }
  }
}
