package dev.stowage.image;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A lean streaming reader of a layer's tar: ustar, GNU and PAX headers (long names and link names,
 * {@code path} and {@code size} records), checksums verified. It keeps one 512-byte header buffer
 * and allocates nothing per entry but the name, which matters when a layer holds a hundred
 * thousand files. Entry contents are read with {@link #read} or skipped by the next {@link
 * #next}. Not thread-safe.
 */
final class LayerTar {
  private static final int BLOCK = 512;
  /** PAX and GNU long-name records larger than this are refused (no name is that long). */
  private static final int MAX_META = 1 << 20;

  /** The current entry; fields are overwritten by {@link #next}. */
  static final class Entry {
    String name = "";
    long size;
    byte type;

    boolean isDirectory() {
      return type == '5' || ((type == '0' || type == 0) && name.endsWith("/"));
    }

    /** A regular file (its data is its content). */
    boolean isFile() {
      return (type == '0' || type == 0 || type == '7') && !name.endsWith("/");
    }
  }

  private final InputStream in;
  private final byte[] header = new byte[BLOCK];
  private final byte[] skip = new byte[16 * 1024];
  private final Entry entry = new Entry();
  private long remaining;
  private long padding;

  LayerTar(InputStream in) {
    this.in = in;
  }

  /**
   * The next entry, or null at the end of the archive.
   *
   * @throws EOFException when the stream ends inside a header or an entry
   * @throws IOException with "bad header checksum" when a header is not a tar header
   */
  @Nullable Entry next() throws IOException {
    skipFully(remaining + padding);
    remaining = 0;
    padding = 0;
    String longName = null;
    String paxPath = null;
    long paxSize = -1;
    while (true) {
      int n = in.readNBytes(header, 0, BLOCK);
      if (n == 0) {
        return null; // no end-of-archive blocks (or an empty layer): tolerated, as tar does
      }
      if (n < BLOCK) {
        throw new EOFException("truncated header");
      }
      if (isZero(header)) {
        return null;
      }
      verifyChecksum();
      byte type = header[156];
      long size = number(124, 12);
      if (size < 0) {
        throw new IOException("negative entry size");
      }
      switch (type) {
        case 'x' -> {
          byte[] pax = meta(size);
          String[] found = pax(pax);
          if (found[0] != null) {
            paxPath = found[0];
          }
          if (found[1] != null) {
            paxSize = Long.parseLong(found[1]);
          }
          continue;
        }
        case 'g' -> {
          meta(size); // global PAX records: nothing Stowage uses
          continue;
        }
        case 'L' -> {
          longName = cString(meta(size), 0, (int) size);
          continue;
        }
        case 'K' -> {
          meta(size); // a long link name: Stowage does not follow links
          continue;
        }
        default -> {
          // an entry
        }
      }
      String name = paxPath != null ? paxPath : longName != null ? longName : ustarName();
      entry.name = name;
      entry.type = type;
      entry.size = paxSize >= 0 ? paxSize : size;
      // Links, devices, directories and FIFOs carry no data whatever the size field says.
      long data = (type == '1' || type == '2' || type == '3' || type == '4' || type == '5' || type == '6') ? 0 : entry.size;
      remaining = data;
      padding = (BLOCK - data % BLOCK) % BLOCK;
      return entry;
    }
  }

  /** Reads the current entry's data; -1 at its end. */
  int read(byte[] b, int off, int len) throws IOException {
    if (remaining <= 0) {
      return -1;
    }
    int n = in.read(b, off, (int) Math.min(len, remaining));
    if (n < 0) {
      throw new EOFException("truncated entry");
    }
    remaining -= n;
    return n;
  }

  private void skipFully(long n) throws IOException {
    long left = n;
    while (left > 0) {
      int r = in.read(skip, 0, (int) Math.min(skip.length, left));
      if (r < 0) {
        throw new EOFException("truncated entry");
      }
      left -= r;
    }
  }

  private byte[] meta(long size) throws IOException {
    if (size > MAX_META) {
      throw new IOException("extended header of " + size + " bytes");
    }
    byte[] data = in.readNBytes((int) size);
    if (data.length < size) {
      throw new EOFException("truncated extended header");
    }
    skipFully((BLOCK - size % BLOCK) % BLOCK);
    return data;
  }

  /** The {@code path} and {@code size} values of PAX records ({@code "LEN key=value\n"}). */
  private static @Nullable String[] pax(byte[] data) throws IOException {
    String[] out = new String[2];
    int i = 0;
    while (i < data.length) {
      int sp = i;
      int len = 0;
      while (sp < data.length && data[sp] >= '0' && data[sp] <= '9') {
        len = len * 10 + (data[sp] - '0');
        if (len > data.length) {
          throw new IOException("bad PAX record length");
        }
        sp++;
      }
      if (len == 0) {
        break; // trailing NULs
      }
      if (sp >= data.length || data[sp] != ' ' || i + len > data.length || data[i + len - 1] != '\n') {
        throw new IOException("bad PAX record");
      }
      int eq = sp + 1;
      while (eq < i + len && data[eq] != '=') {
        eq++;
      }
      if (eq >= i + len) {
        throw new IOException("bad PAX record");
      }
      String key = new String(data, sp + 1, eq - sp - 1, StandardCharsets.UTF_8);
      String value = new String(data, eq + 1, i + len - 1 - (eq + 1), StandardCharsets.UTF_8);
      if (key.equals("path")) {
        out[0] = value;
      } else if (key.equals("size")) {
        out[1] = value;
      }
      i += len;
    }
    return out;
  }

  private String ustarName() {
    String name = cString(header, 0, 100);
    // POSIX ustar ("ustar\0" "00") keeps a prefix; GNU's "ustar  " uses that area otherwise.
    boolean posix = header[257] == 'u' && header[258] == 's' && header[259] == 't' && header[260] == 'a'
        && header[261] == 'r' && header[262] == 0;
    if (posix && header[345] != 0) {
      return cString(header, 345, 155) + "/" + name;
    }
    return name;
  }

  private static String cString(byte[] b, int off, int len) {
    int end = off;
    while (end < off + len && b[end] != 0) {
      end++;
    }
    return new String(b, off, end - off, StandardCharsets.UTF_8);
  }

  /** An octal field (NUL or space terminated) or GNU's base-256 for large values. */
  private long number(int off, int len) throws IOException {
    if ((header[off] & 0x80) != 0) {
      if ((header[off] & 0x40) != 0) {
        return -1; // negative base-256
      }
      long v = header[off] & 0x3f;
      for (int i = off + 1; i < off + len; i++) {
        if (v > (Long.MAX_VALUE >> 8)) {
          throw new IOException("entry size too large");
        }
        v = (v << 8) | (header[i] & 0xff);
      }
      return v;
    }
    long v = 0;
    int i = off;
    int end = off + len;
    while (i < end && (header[i] == ' ' || header[i] == 0)) {
      i++;
    }
    for (; i < end && header[i] != 0 && header[i] != ' '; i++) {
      byte c = header[i];
      if (c < '0' || c > '7') {
        throw new IOException("bad header checksum or number");
      }
      if (v > (Long.MAX_VALUE >> 3)) {
        throw new IOException("entry size too large");
      }
      v = (v << 3) | (c - '0');
    }
    return v;
  }

  private void verifyChecksum() throws IOException {
    long unsigned = 0;
    long signed = 0;
    for (int i = 0; i < BLOCK; i++) {
      byte b = (i >= 148 && i < 156) ? (byte) ' ' : header[i];
      unsigned += b & 0xff;
      signed += b;
    }
    long stored;
    try {
      stored = number(148, 8);
    } catch (IOException e) {
      throw new IOException("bad header checksum");
    }
    if (stored != unsigned && stored != signed) {
      throw new IOException("bad header checksum");
    }
  }

  private static boolean isZero(byte[] b) {
    for (byte x : b) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }
}
