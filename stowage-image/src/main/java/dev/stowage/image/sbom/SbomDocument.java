package dev.stowage.image.sbom;

import java.time.Instant;
import java.util.UUID;

/**
 * What identifies one SBOM document: when it was made, a unique id, and the tool version that
 * made it. Immutable.
 */
public record SbomDocument(Instant created, UUID id, String toolVersion) {
  /** Now, a random id, and the version in the jar manifest ({@code dev} when run from classes). */
  public static SbomDocument now() {
    String v = SbomDocument.class.getPackage().getImplementationVersion();
    return new SbomDocument(Instant.now(), UUID.randomUUID(), v == null ? "dev" : v);
  }
}
