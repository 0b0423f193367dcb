package dev.stowage.image.sbom;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The build information that the Go linker writes into every binary: a 32-byte header starting
 * {@code \xff Go buildinf:} in the first writable segment, then the Go version and the module
 * information ({@code path}, {@code mod}, {@code dep}, {@code =>} and {@code build} lines). Go 1.18
 * and later store both strings inline after the header (flag bit 2); older linkers store pointers to
 * Go string headers, which lead into the read-only data. The binary is streamed once: the ELF
 * program headers say which segments to keep (the non-executable ones, at most {@link #MAX_KEPT}
 * bytes in all), the text segment is only skipped, and reading stops after the first writable
 * segment. Stateless.
 */
final class GoBuildInfo {
  static final byte[] MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);
  private static final int HEADER = 32;
  private static final int MAX_KEPT = 64 << 20;
  private static final int MAX_HEADERS = 64 * 1024;
  private static final int PT_LOAD = 1;
  private static final int PF_X = 1;
  private static final int PF_W = 2;

  /** What the header and strings say. */
  record Info(String goVersion, String modinfo) {}

  /** A loadable segment: where it is in the file and in memory, and its bytes once kept. */
  private static final class Segment {
    final long offset;
    final long vaddr;
    final long filesz;
    final boolean writable;
    byte[] bytes;

    Segment(long offset, long vaddr, long filesz, boolean writable) {
      this.offset = offset;
      this.vaddr = vaddr;
      this.filesz = filesz;
      this.writable = writable;
    }
  }

  private GoBuildInfo() {}

  /** Whether {@code head} starts like an ELF file. */
  static boolean isElf(byte[] head) {
    return head.length >= 4 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F';
  }

  /** Reads the build information of the ELF binary {@code in} of {@code size} bytes, if it has one. */
  static Optional<Info> read(InputStream in, long size) throws IOException {
    byte[] head = in.readNBytes((int) Math.min(size, MAX_HEADERS));
    if (!isElf(head) || head.length < 64) {
      return Optional.empty();
    }
    boolean is64 = head[4] == 2;
    ByteOrder order = head[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    ByteBuffer h = ByteBuffer.wrap(head).order(order);
    long phoff = is64 ? h.getLong(0x20) : Integer.toUnsignedLong(h.getInt(0x1c));
    int phentsize = Short.toUnsignedInt(h.getShort(is64 ? 0x36 : 0x2a));
    int phnum = Short.toUnsignedInt(h.getShort(is64 ? 0x38 : 0x2c));
    if (phoff <= 0 || phentsize < (is64 ? 56 : 32) || phoff + (long) phnum * phentsize > head.length) {
      return Optional.empty();
    }
    List<Segment> kept = new ArrayList<>();
    Segment data = null;
    long keptBytes = 0;
    for (int i = 0; i < phnum; i++) {
      int p = (int) (phoff + (long) i * phentsize);
      if (h.getInt(p) != PT_LOAD) {
        continue;
      }
      int flags = is64 ? h.getInt(p + 4) : h.getInt(p + 24);
      long offset = is64 ? h.getLong(p + 8) : Integer.toUnsignedLong(h.getInt(p + 4));
      long vaddr = is64 ? h.getLong(p + 16) : Integer.toUnsignedLong(h.getInt(p + 8));
      long filesz = is64 ? h.getLong(p + 32) : Integer.toUnsignedLong(h.getInt(p + 16));
      if ((flags & PF_X) != 0 || filesz <= 0 || offset < 0 || offset + filesz > size) {
        continue;
      }
      Segment s = new Segment(offset, vaddr, filesz, (flags & PF_W) != 0);
      if (s.writable && data == null) {
        data = s;
      }
      kept.add(s);
      keptBytes += filesz;
    }
    if (data == null || data.filesz > MAX_KEPT) {
      return Optional.empty();
    }
    if (keptBytes > MAX_KEPT) {
      Segment only = data;
      kept.removeIf(s -> s != only); // too big to keep all: the inline format needs only this one
    }
    long end = data.offset + data.filesz;
    kept.removeIf(s -> s.offset >= end);
    fill(in, head, kept, end);
    if (data.bytes == null) {
      return Optional.empty();
    }
    return parse(data, kept, order);
  }

  /** Copies the kept segments' bytes out of the stream, which is at {@code head.length}. */
  private static void fill(InputStream in, byte[] head, List<Segment> kept, long end) throws IOException {
    for (Segment s : kept) {
      s.bytes = new byte[(int) s.filesz];
    }
    copy(head, 0, head.length, kept);
    long pos = head.length;
    byte[] buf = new byte[64 * 1024];
    while (pos < end) {
      int n = in.read(buf, 0, (int) Math.min(buf.length, end - pos));
      if (n < 0) {
        for (Segment s : kept) {
          if (s.offset + s.filesz > pos) {
            s.bytes = null; // truncated
          }
        }
        return;
      }
      copy(buf, pos, n, kept);
      pos += n;
    }
  }

  private static void copy(byte[] buf, long pos, int n, List<Segment> kept) {
    for (Segment s : kept) {
      long from = Math.max(pos, s.offset);
      long to = Math.min(pos + n, s.offset + s.filesz);
      if (from < to) {
        System.arraycopy(buf, (int) (from - pos), s.bytes, (int) (from - s.offset), (int) (to - from));
      }
    }
  }

  private static Optional<Info> parse(Segment data, List<Segment> kept, ByteOrder fileOrder) {
    byte[] d = data.bytes;
    int start = (int) ((16 - Math.floorMod(data.vaddr, 16)) % 16);
    for (int i = start; i + HEADER <= d.length; i += 16) {
      if (!matches(d, i)) {
        continue;
      }
      int ptrSize = d[i + 14];
      int flags = d[i + 15];
      if ((flags & 2) != 0) {
        int[] at = {i + HEADER};
        String version = varintString(d, at);
        String mod = varintString(d, at);
        return version == null ? Optional.empty() : Optional.of(new Info(version, stripSentinels(mod == null ? "" : mod)));
      }
      if (ptrSize != 4 && ptrSize != 8) {
        return Optional.empty();
      }
      ByteOrder order = (flags & 1) != 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
      ByteBuffer b = ByteBuffer.wrap(d).order(order);
      long versionAt = pointer(b, i + 16, ptrSize);
      long modAt = pointer(b, i + 16 + ptrSize, ptrSize);
      Optional<String> version = goString(kept, versionAt, ptrSize, order);
      Optional<String> mod = goString(kept, modAt, ptrSize, order);
      return version.map(v -> new Info(v, stripSentinels(mod.orElse(""))));
    }
    return Optional.empty();
  }

  private static boolean matches(byte[] d, int at) {
    return Arrays.equals(d, at, at + MAGIC.length, MAGIC, 0, MAGIC.length);
  }

  private static long pointer(ByteBuffer b, int at, int ptrSize) {
    return ptrSize == 8 ? b.getLong(at) : Integer.toUnsignedLong(b.getInt(at));
  }

  /** A Go string header (data pointer, length) at {@code vaddr}, and the bytes it points to. */
  private static Optional<String> goString(List<Segment> kept, long vaddr, int ptrSize, ByteOrder order) {
    Optional<byte[]> header = at(kept, vaddr, 2 * ptrSize);
    if (header.isEmpty()) {
      return Optional.empty();
    }
    ByteBuffer b = ByteBuffer.wrap(header.get()).order(order);
    long ptr = pointer(b, 0, ptrSize);
    long len = pointer(b, ptrSize, ptrSize);
    if (len < 0 || len > 1 << 24) {
      return Optional.empty();
    }
    return at(kept, ptr, (int) len).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }

  private static Optional<byte[]> at(List<Segment> kept, long vaddr, int len) {
    for (Segment s : kept) {
      if (s.bytes != null && vaddr >= s.vaddr && vaddr + len <= s.vaddr + s.filesz) {
        int from = (int) (vaddr - s.vaddr);
        return Optional.of(Arrays.copyOfRange(s.bytes, from, from + len));
      }
    }
    return Optional.empty();
  }

  /** A uvarint length and that many bytes at {@code at[0]}, advancing it; null when out of range. */
  private static String varintString(byte[] d, int[] at) {
    long len = 0;
    int shift = 0;
    int i = at[0];
    while (true) {
      if (i >= d.length || shift > 35) {
        return null;
      }
      int b = d[i++] & 0xff;
      len |= (long) (b & 0x7f) << shift;
      shift += 7;
      if (b < 0x80) {
        break;
      }
    }
    if (len > d.length - i) {
      return null;
    }
    at[0] = i + (int) len;
    return new String(d, i, (int) len, StandardCharsets.UTF_8);
  }

  /** The module information is framed by 16 sentinel bytes on each side since Go 1.13. */
  static String stripSentinels(String mod) {
    if (mod.length() >= 33 && mod.charAt(mod.length() - 17) == '\n') {
      return mod.substring(16, mod.length() - 16);
    }
    return mod;
  }

  /**
   * The packages that {@code info} names: the main module ({@code mod}, or the main package's
   * {@code path} without a version when built outside module mode), every {@code dep} (with its
   * {@code =>} replacement), and the standard library at the Go version.
   */
  static List<Found> packages(Info info, String path) {
    List<Found> out = new ArrayList<>();
    Map<String, String> props = Map.of("goVersion", info.goVersion());
    String mainPath = "";
    boolean haveMain = false;
    for (String line : info.modinfo().split("\n")) {
      String[] f = line.split("\t", -1);
      switch (f[0]) {
        case "path" -> mainPath = f.length > 1 ? f[1] : "";
        case "mod" -> {
          if (f.length > 2) {
            out.add(new Found(SbomPackage.Ecosystem.GO, "", f[1], f[2], List.of(), path, props));
            haveMain = true;
          }
        }
        case "dep" -> {
          if (f.length > 2) {
            out.add(new Found(SbomPackage.Ecosystem.GO, "", f[1], f[2], List.of(), path, props));
          }
        }
        case "=>" -> {
          if (f.length > 2 && !out.isEmpty()) {
            // the replacement applies to the line before it; a local directory has no version
            Found replaced = out.remove(out.size() - 1);
            out.add(new Found(SbomPackage.Ecosystem.GO, "", f[1], f[2], List.of(), path,
                Map.of("goVersion", info.goVersion(), "replaces", replaced.name() + "@" + replaced.version())));
          }
        }
        default -> {
          // build settings
        }
      }
    }
    if (!haveMain && !mainPath.isEmpty()) {
      out.add(0, new Found(SbomPackage.Ecosystem.GO, "", mainPath, "", List.of(), path, props));
    }
    String go = info.goVersion().startsWith("go") ? info.goVersion().substring(2) : info.goVersion();
    out.add(new Found(SbomPackage.Ecosystem.GO, "", "stdlib", go.replaceFirst(" .*", ""), List.of(), path, props));
    return out;
  }
}
