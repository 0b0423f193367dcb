package dev.stowage.image;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * A layer blob decompressed by its magic bytes (gzip and estargz, zstd, or plain tar), counted
 * against the {@link ImageLimits} and hashed to its diff_id as it is read. Not thread-safe.
 */
final class LayerStream extends FilterInputStream {
  /** Thrown from {@code read} when a limit is exceeded; carries the reason. */
  static final class LimitExceeded extends IOException {
    LimitExceeded(String message) {
      super(message);
    }
  }

  private final Counting compressed;
  private final ImageLimits limits;
  private final AtomicLong imageBytes;
  private final MessageDigest sha256;
  private final byte[] skipBuffer = new byte[64 * 1024];
  private long uncompressed;

  private LayerStream(InputStream decoded, Counting compressed, ImageLimits limits, AtomicLong imageBytes) {
    super(decoded);
    this.compressed = compressed;
    this.limits = limits;
    this.imageBytes = imageBytes;
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every JDK has SHA-256
    }
  }

  /** Wraps {@code raw}; {@code imageBytesBefore} is what earlier layers already expanded to. */
  static LayerStream open(InputStream raw, ImageLimits limits, long imageBytesBefore)
      throws IOException {
    return open(raw, limits, new AtomicLong(imageBytesBefore));
  }

  /**
   * Wraps {@code raw}; {@code imageBytes} counts what all layers of the image expanded to so far
   * and is shared by the layers read at the same time.
   */
  static LayerStream open(InputStream raw, ImageLimits limits, AtomicLong imageBytes)
      throws IOException {
    Counting counted = new Counting(new BufferedInputStream(raw, 64 * 1024));
    BufferedInputStream peek = new BufferedInputStream(counted, 8);
    peek.mark(4);
    byte[] magic = peek.readNBytes(4);
    peek.reset();
    InputStream decoded;
    if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
      // estargz is a series of gzip members: read them all.
      decoded = new GzipCompressorInputStream(peek, /* decompressConcatenated= */ true);
    } else if (magic.length == 4
        && (magic[0] & 0xff) == 0x28
        && (magic[1] & 0xff) == 0xb5
        && (magic[2] & 0xff) == 0x2f
        && (magic[3] & 0xff) == 0xfd) {
      decoded = new ZstdInputStream(peek);
    } else {
      decoded = peek;
    }
    return new LayerStream(decoded, counted, limits, imageBytes);
  }

  /** Compressed bytes read so far. */
  long compressedBytes() {
    return compressed.count;
  }

  /** Uncompressed bytes read so far. */
  long uncompressedBytes() {
    return uncompressed;
  }

  /** Reads to the end (a tar reader stops at its end marker) so the digest covers everything. */
  String drainAndDigest() throws IOException {
    while (read(skipBuffer, 0, skipBuffer.length) >= 0) {
      // hashing and counting happen in read
    }
    // Whatever follows the compressed stream (padding) still belongs to the blob.
    while (compressed.read(skipBuffer, 0, skipBuffer.length) >= 0) {
      // counted
    }
    return "sha256:" + HexFormat.of().formatHex(sha256.digest());
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      sha256.update(b, off, n);
      uncompressed += n;
      check(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipped bytes must be hashed and counted too.
    byte[] buf = skipBuffer;
    long left = n;
    while (left > 0) {
      int r = read(buf, 0, (int) Math.min(buf.length, left));
      if (r < 0) {
        break;
      }
      left -= r;
    }
    return n - left;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void check(int n) throws LimitExceeded {
    if (uncompressed > limits.maxLayerBytes()) {
      throw new LimitExceeded("expands to more than " + limits.maxLayerBytes() + " bytes (decompression bomb?)");
    }
    if (imageBytes.addAndGet(n) > limits.maxImageBytes()) {
      throw new LimitExceeded("the image expands to more than " + limits.maxImageBytes() + " bytes");
    }
    if (uncompressed > limits.ratioGraceBytes()
        && uncompressed > limits.maxRatio() * Math.max(1, compressed.count)) {
      throw new LimitExceeded(
          "expands more than "
              + (long) limits.maxRatio()
              + " times its compressed size (decompression bomb?)");
    }
  }

  /** Counts the compressed bytes consumed. */
  private static final class Counting extends FilterInputStream {
    long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      count += s;
      return s;
    }
  }
}
