package dev.stowage.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads an image's metadata (docker {@code manifest.json}, or the OCI {@code index.json} with
 * nested indexes, the manifest and the config) into the ordered layers to stream. Stateless.
 */
final class ImageLayout {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String MISSING_COMMAND = "(missing)";
  private static final int MAX_INDEX_DEPTH = 4;

  /**
   * One layer to read: where its bytes are, the expected diff_id, the creating command (cleaned,
   * and as written in the history) and the index of that history entry (-1 when none).
   */
  record LayerRef(
      String blob, Optional<String> diffId, String command, boolean estargz, String createdBy, int historyIndex) {
    LayerRef(String blob, Optional<String> diffId, String command, boolean estargz) {
      this(blob, diffId, command, estargz, command, -1);
    }
  }

  /** The layers to read and the config's whole history, empty-layer entries included. */
  record Image(List<LayerRef> layers, List<ImageReport.HistoryEntry> history) {}

  private ImageLayout() {}

  /** The docker save layout: the first image of {@code manifest.json}. */
  static List<LayerRef> docker(Blobs blobs, ImageSource source, ImageLimits limits)
      throws ImageFormatException, IOException {
    return dockerImage(blobs, source, limits).layers();
  }

  /** {@link #docker} with the history. */
  static Image dockerImage(Blobs blobs, ImageSource source, ImageLimits limits)
      throws ImageFormatException, IOException {
    JsonNode manifest = json(blobs, "manifest.json", source, limits);
    if (!manifest.isArray() || manifest.isEmpty() || !manifest.get(0).isObject()) {
      throw new ImageFormatException(source + ": manifest.json lists no image");
    }
    JsonNode image = manifest.get(0);
    String configName = text(image.get("Config"), "manifest.json Config", source);
    JsonNode config = json(blobs, configName, source, limits);
    JsonNode layers = image.get("Layers");
    if (layers == null || !layers.isArray()) {
      throw new ImageFormatException(source + ": manifest.json has no Layers array");
    }
    List<String> blobNames = new ArrayList<>();
    for (JsonNode l : layers) {
      blobNames.add(text(l, "manifest.json Layers entry", source));
    }
    return withHistory(blobNames, List.of(), config, source);
  }

  /** The OCI layout: {@code index.json}, nested indexes, one manifest picked by platform. */
  static List<LayerRef> oci(
      Blobs blobs, ImageSource source, Optional<String> platform, ImageLimits limits)
      throws ImageFormatException, IOException {
    return ociImage(blobs, source, platform, limits).layers();
  }

  /** {@link #oci} with the history. */
  static Image ociImage(
      Blobs blobs, ImageSource source, Optional<String> platform, ImageLimits limits)
      throws ImageFormatException, IOException {
    if (!blobs.has("oci-layout")) {
      throw new ImageFormatException(source + ": no oci-layout file; not an OCI image layout");
    }
    JsonNode index = json(blobs, "index.json", source, limits);
    JsonNode manifest = pickManifest(blobs, index, source, platform, limits, 0);
    JsonNode configDesc = manifest.get("config");
    if (configDesc == null) {
      throw new ImageFormatException(source + ": image manifest has no config");
    }
    JsonNode config = json(blobs, blob(configDesc, source), source, limits);
    JsonNode layers = manifest.get("layers");
    if (layers == null || !layers.isArray()) {
      throw new ImageFormatException(source + ": image manifest has no layers array");
    }
    List<String> blobNames = new ArrayList<>();
    List<Boolean> estargz = new ArrayList<>();
    for (JsonNode l : layers) {
      blobNames.add(blob(l, source));
      estargz.add(l.path("annotations").has("containerd.io/snapshot/stargz/toc.digest"));
    }
    return withHistory(blobNames, estargz, config, source);
  }

  private static JsonNode pickManifest(
      Blobs blobs,
      JsonNode index,
      ImageSource source,
      Optional<String> platform,
      ImageLimits limits,
      int depth)
      throws ImageFormatException, IOException {
    if (index.has("layers") && index.has("config")) {
      return index; // already an image manifest
    }
    JsonNode manifests = index.get("manifests");
    if (manifests == null || !manifests.isArray() || manifests.isEmpty()) {
      throw new ImageFormatException(source + ": image index lists no manifests");
    }
    if (depth > MAX_INDEX_DEPTH) {
      throw new ImageFormatException(source + ": image indexes nested deeper than " + MAX_INDEX_DEPTH);
    }
    List<JsonNode> candidates = new ArrayList<>();
    for (JsonNode m : manifests) {
      String os = m.path("platform").path("os").asText("");
      if (!os.equals("unknown")) { // BuildKit attestation manifests say unknown/unknown
        candidates.add(m);
      }
    }
    JsonNode chosen = choose(candidates, platform, source);
    JsonNode next = json(blobs, blob(chosen, source), source, limits);
    return pickManifest(blobs, next, source, platform, limits, depth + 1);
  }

  private static JsonNode choose(List<JsonNode> candidates, Optional<String> platform, ImageSource source)
      throws ImageFormatException {
    if (platform.isPresent()) {
      for (JsonNode m : candidates) {
        if (platformOf(m).equals(platform.get()) || platformOf(m).startsWith(platform.get() + "/")) {
          return m;
        }
      }
      if (candidates.size() == 1 && !candidates.get(0).has("platform")) {
        return candidates.get(0);
      }
      throw new ImageFormatException(
          source + ": no manifest for platform " + platform.get() + " (has " + platforms(candidates) + ")");
    }
    if (candidates.size() == 1) {
      return candidates.get(0);
    }
    for (JsonNode m : candidates) {
      if (platformOf(m).equals("linux/amd64")) {
        return m;
      }
    }
    throw new ImageFormatException(
        source + ": several platforms (" + platforms(candidates) + "); choose one with --platform");
  }

  private static String platformOf(JsonNode m) {
    JsonNode p = m.path("platform");
    String s = p.path("os").asText("") + "/" + p.path("architecture").asText("");
    String variant = p.path("variant").asText("");
    return (variant.isEmpty() ? s : s + "/" + variant).toLowerCase(Locale.ROOT);
  }

  private static String platforms(List<JsonNode> candidates) {
    List<String> names = new ArrayList<>();
    for (JsonNode m : candidates) {
      names.add(platformOf(m));
    }
    return String.join(", ", names);
  }

  private static String blob(JsonNode descriptor, ImageSource source) throws ImageFormatException {
    String digest = text(descriptor.get("digest"), "descriptor digest", source);
    return Blobs.blobPath(digest)
        .orElseThrow(() -> new ImageFormatException(source + ": not a digest: " + digest));
  }

  /**
   * Pairs layers with history as dive does: in order, each layer takes the next history entry not
   * marked {@code empty_layer}; layers left over say {@code (missing)}.
   */
  static Image withHistory(
      List<String> blobNames, List<Boolean> estargz, JsonNode config, ImageSource source)
      throws ImageFormatException {
    JsonNode history = config.path("history");
    JsonNode diffIds = config.path("rootfs").path("diff_ids");
    if (diffIds.isArray() && diffIds.size() != blobNames.size()) {
      throw new ImageFormatException(
          source + ": config lists " + diffIds.size() + " diff_ids for " + blobNames.size() + " layers");
    }
    List<LayerRef> out = new ArrayList<>();
    int[] layerOf = new int[history.size()];
    Arrays.fill(layerOf, -1);
    int h = 0;
    for (int i = 0; i < blobNames.size(); i++) {
      while (h < history.size() && history.get(h).path("empty_layer").asBoolean(false)) {
        h++;
      }
      String command = MISSING_COMMAND;
      String createdBy = MISSING_COMMAND;
      int historyIndex = -1;
      if (h < history.size()) {
        createdBy = history.get(h).path("created_by").asText("");
        command = command(createdBy);
        historyIndex = h;
        layerOf[h] = i;
        h++;
      }
      Optional<String> diffId =
          diffIds.isArray() ? Optional.of(diffIds.get(i).asText("")) : Optional.empty();
      out.add(new LayerRef(
          blobNames.get(i), diffId, command, !estargz.isEmpty() && estargz.get(i), createdBy, historyIndex));
    }
    List<ImageReport.HistoryEntry> entries = new ArrayList<>();
    for (int k = 0; k < history.size(); k++) {
      JsonNode e = history.get(k);
      entries.add(new ImageReport.HistoryEntry(
          e.path("created_by").asText(""), e.path("empty_layer").asBoolean(false), layerOf[k]));
    }
    return new Image(out, entries);
  }

  /** The history's created_by without the legacy builder's no-op shell and BuildKit's marker. */
  static String command(String createdBy) {
    String c = createdBy.strip();
    if (c.startsWith("/bin/sh -c #(nop) ")) {
      c = c.substring("/bin/sh -c #(nop) ".length()).strip();
    }
    if (c.endsWith(" # buildkit")) {
      c = c.substring(0, c.length() - " # buildkit".length());
    }
    return c;
  }

  private static String text(JsonNode node, String what, ImageSource source)
      throws ImageFormatException {
    if (node == null || !node.isTextual() || node.asText().isEmpty()) {
      throw new ImageFormatException(source + ": missing or invalid " + what);
    }
    return node.asText();
  }

  static JsonNode json(Blobs blobs, String name, ImageSource source, ImageLimits limits)
      throws ImageFormatException, IOException {
    Optional<InputStream> in = blobs.open(name);
    if (in.isEmpty()) {
      throw new ImageFormatException(source + ": missing " + name);
    }
    byte[] bytes;
    try (InputStream s = in.get()) {
      bytes = s.readNBytes(limits.maxMetadataBytes() + 1);
    }
    if (bytes.length > limits.maxMetadataBytes()) {
      throw new ImageFormatException(
          source + ": " + name + " is larger than " + limits.maxMetadataBytes() + " bytes");
    }
    try {
      return MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new ImageFormatException(source + ": " + name + " is not JSON: " + e.getOriginalMessage());
    }
  }
}
