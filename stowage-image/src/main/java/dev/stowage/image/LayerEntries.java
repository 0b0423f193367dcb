package dev.stowage.image;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads one layer blob as a tar stream for {@link ImageAnalyzer} and {@link LayerWalker}:
 * decompressed and limited by {@link LayerStream}, entry paths checked, estargz metadata left
 * out, read errors turned into {@link ImageFormatException}s naming the layer, and the content
 * digest checked against the config's diff_id. Stateless.
 */
final class LayerEntries {
  static final Set<String> ESTARGZ_METADATA =
      Set.of("stargz.index.json", ".prefetch.landmark", ".no.prefetch.landmark");

  /** Receives each entry with its path components (empty for the root entry) and content. */
  interface EntryHandler {
    void entry(List<String> segments, TarArchiveEntry entry, InputStream content)
        throws IOException, ImageFormatException;
  }

  /** The verified digest and the uncompressed size of a layer. */
  record Result(String digest, long uncompressedBytes) {}

  private LayerEntries() {}

  /**
   * What a failed layer read means for the user, for every layer reader: a limit exceeded, a
   * truncated stream, or (after {@code read} entries) not a tar stream or a corrupt one.
   */
  static ImageFormatException failure(String where, int read, Exception ex) {
    if (ex instanceof LayerStream.LimitExceeded) {
      return new ImageFormatException(where + ": " + ex.getMessage(), ex);
    }
    String msg = String.valueOf(ex.getMessage());
    if (ex instanceof EOFException || msg.toLowerCase(Locale.ROOT).contains("truncated")) {
      return new ImageFormatException(where + ": truncated stream", ex);
    }
    return new ImageFormatException(
        where + ": " + (read == 0 ? "not a tar stream" : "corrupt tar stream") + " (" + msg + ")", ex);
  }

  /**
   * Streams one layer blob; {@code where} names it in messages ({@code layer 3 of SOURCE}),
   * {@code imageBytes} counts what the image's layers expanded to so far and {@code entries} its
   * entries against {@link ImageLimits#maxEntries}; {@code estargz} leaves out the estargz
   * metadata entries. The digest is not checked here: see {@link #verify}.
   */
  static Result read(
      InputStream raw,
      boolean estargz,
      String where,
      ImageLimits limits,
      AtomicLong imageBytes,
      AtomicLong entries,
      EntryHandler handler)
      throws ImageFormatException, IOException {
    String digest;
    long uncompressed;
    try (LayerStream in = LayerStream.open(raw, limits, imageBytes)) {
      TarArchiveInputStream tar = new TarArchiveInputStream(in);
      int read = 0;
      try {
        TarArchiveEntry e;
        while ((e = tar.getNextEntry()) != null) {
          read++;
          if (entries.incrementAndGet() > limits.maxEntries()) {
            throw new ImageFormatException(where + ": more than " + limits.maxEntries() + " entries");
          }
          List<String> segments = ImageAnalyzer.segments(e.getName(), where);
          if (estargz && isEstargzMetadata(segments)) {
            continue;
          }
          if (e.getSize() < 0) {
            throw new ImageFormatException(where + ": negative size for " + e.getName());
          }
          handler.entry(segments, e, tar);
        }
        digest = in.drainAndDigest();
      } catch (IOException | IllegalArgumentException | ArithmeticException ex) {
        throw LayerEntries.failure(where, read, ex);
      }
      uncompressed = in.uncompressedBytes();
    }
    return new Result(digest, uncompressed);
  }

  /** Whether an entry is one of the metadata files at the root of an estargz layer. */
  static boolean isEstargzMetadata(List<String> segments) {
    return segments.size() == 1 && ESTARGZ_METADATA.contains(segments.get(0));
  }

  /** Checks a layer's content digest against the config's diff_id, when the config gives one. */
  static void verify(String where, ImageLayout.LayerRef ref, String digest) throws ImageFormatException {
    if (ref.diffId().isPresent() && !ref.diffId().get().isEmpty() && !ref.diffId().get().equals(digest)) {
      throw new ImageFormatException(
          where + ": content digest " + digest + " does not match the config's diff_id " + ref.diffId().get());
    }
  }
}
