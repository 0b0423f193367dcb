package dev.stowage.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stowage.dockerfile.ImageReference;
import dev.stowage.image.ImageContent;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An image in a registry, resolved to one image manifest: an index is narrowed to the platform
 * asked for, else the host's, else linux/amd64, else its only entry (attestation entries, whose
 * platform is {@code unknown/unknown}, never count). Blobs are fetched on demand and verified.
 * Thread-safe.
 */
public final class RegistryImage implements ImageContent {
  private static final int MAX_INDEX_DEPTH = 4;

  private final RegistryClient client;
  private final ImageReference reference;
  private final RegistryClient.Manifest manifest;
  private final Optional<Platform> platform;

  private RegistryImage(
      RegistryClient client, ImageReference reference, RegistryClient.Manifest manifest, Optional<Platform> platform) {
    this.client = client;
    this.reference = reference;
    this.manifest = manifest;
    this.platform = platform;
  }

  /**
   * Fetches {@code reference}'s manifest, and through indexes the one for {@code platform}.
   *
   * @throws RegistryException when the registry cannot be reached, refuses, or has no such image
   *     or platform
   */
  public static RegistryImage open(RegistryClient client, ImageReference reference, Optional<Platform> platform)
      throws RegistryException {
    RegistryClient.Manifest m = client.manifest(reference);
    Optional<Platform> chosen = Optional.empty();
    for (int depth = 0; m.isIndex(); depth++) {
      if (depth >= MAX_INDEX_DEPTH) {
        throw new RegistryException(
            RegistryException.Reason.INVALID, "pulling " + reference + ": indexes nested deeper than " + MAX_INDEX_DEPTH);
      }
      Entry e = choose(reference, Digests.json(m.bytes(), "pulling " + reference), platform);
      chosen = Optional.of(e.platform());
      m = client.manifest(reference, e.digest());
    }
    return new RegistryImage(client, reference, m, chosen);
  }

  private record Entry(String digest, Platform platform) {}

  private static Entry choose(ImageReference reference, JsonNode index, Optional<Platform> wanted)
      throws RegistryException {
    List<Entry> entries = new ArrayList<>();
    for (JsonNode m : index.path("manifests")) {
      JsonNode p = m.path("platform");
      String os = p.path("os").asText("");
      String digest = m.path("digest").asText("");
      if (os.equals("unknown") || digest.isEmpty()) {
        continue;
      }
      Platform platform =
          os.isEmpty() || p.path("architecture").asText("").isEmpty()
              ? Platform.LINUX_AMD64
              : new Platform(os, p.path("architecture").asText(""), Optional.of(p.path("variant").asText("")));
      entries.add(new Entry(digest, platform));
    }
    if (entries.isEmpty()) {
      throw new RegistryException(RegistryException.Reason.NOT_FOUND, "pulling " + reference + ": the index lists no image");
    }
    List<Platform> order =
        wanted.map(List::of).orElseGet(() -> List.of(Platform.host(), Platform.LINUX_AMD64));
    for (Platform p : order) {
      for (Entry e : entries) {
        if (p.accepts(e.platform())) {
          return e;
        }
      }
    }
    if (wanted.isEmpty() && entries.size() == 1) {
      return entries.get(0);
    }
    List<String> offered = entries.stream().map(e -> e.platform().toString()).toList();
    throw new RegistryException(
        RegistryException.Reason.NOT_FOUND,
        "pulling " + reference + ": no image for platform "
            + wanted.map(Platform::toString).orElse(Platform.host() + " or linux/amd64")
            + " (the index has " + String.join(", ", offered) + "); choose one with --platform");
  }

  /** The reference as given, e.g. {@code 127.0.0.1:5000/app:1.0}. */
  @Override
  public String name() {
    return reference.original();
  }

  public ImageReference reference() {
    return reference;
  }

  /** The image manifest's digest. */
  public String digest() {
    return manifest.digest();
  }

  /** The platform picked from an index, empty when the reference named an image manifest. */
  public Optional<Platform> platform() {
    return platform;
  }

  @Override
  public byte[] root() {
    return manifest.bytes().clone();
  }

  @Override
  public InputStream open(String digest) throws RegistryException {
    return client.blob(reference, digest);
  }

  @Override
  public void close() {}
}
