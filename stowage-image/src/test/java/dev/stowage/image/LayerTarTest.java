package dev.stowage.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;

/** The lean layer reader against tars written by Commons Compress in each header dialect. */
class LayerTarTest {
  private static final String LONG = "usr/share/" + "very-long-directory-name/".repeat(8) + "file-ü.txt";

  private static byte[] tar(int longFileMode, int bigNumberMode) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream t = new TarArchiveOutputStream(bytes)) {
      t.setLongFileMode(longFileMode);
      t.setBigNumberMode(bigNumberMode);
      t.putArchiveEntry(new TarArchiveEntry("etc/"));
      t.closeArchiveEntry();
      byte[] data = "hello\n".getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry f = new TarArchiveEntry(LONG);
      f.setSize(data.length);
      t.putArchiveEntry(f);
      t.write(data);
      t.closeArchiveEntry();
      TarArchiveEntry link = new TarArchiveEntry("bin/sh", TarConstants.LF_SYMLINK);
      link.setLinkName("busybox");
      t.putArchiveEntry(link);
      t.closeArchiveEntry();
    }
    return bytes.toByteArray();
  }

  private static List<String> read(byte[] tar) throws IOException {
    LayerTar r = new LayerTar(new ByteArrayInputStream(tar));
    List<String> out = new ArrayList<>();
    LayerTar.Entry e;
    while ((e = r.next()) != null) {
      StringBuilder content = new StringBuilder();
      byte[] buf = new byte[3];
      int n;
      while ((n = r.read(buf, 0, buf.length)) > 0) {
        content.append(new String(buf, 0, n, StandardCharsets.UTF_8));
      }
      out.add(e.name + " " + (char) e.type + " " + e.size + " " + e.isDirectory() + " " + e.isFile() + " " + content.toString().strip());
    }
    return out;
  }

  @Test
  void readsGnuAndPaxLongNames() throws Exception {
    List<String> expected = List.of("etc/ 5 0 true false ", LONG + " 0 6 false true hello", "bin/sh 2 0 false false ");
    assertThat(read(tar(TarArchiveOutputStream.LONGFILE_GNU, TarArchiveOutputStream.BIGNUMBER_STAR))).isEqualTo(expected);
    assertThat(read(tar(TarArchiveOutputStream.LONGFILE_POSIX, TarArchiveOutputStream.BIGNUMBER_POSIX))).isEqualTo(expected);
  }

  @Test
  void unreadContentIsSkipped() throws Exception {
    LayerTar r = new LayerTar(new ByteArrayInputStream(tar(TarArchiveOutputStream.LONGFILE_GNU, 0)));
    List<String> names = new ArrayList<>();
    LayerTar.Entry e;
    while ((e = r.next()) != null) {
      names.add(e.name);
    }
    assertThat(names).containsExactly("etc/", LONG, "bin/sh");
  }

  @Test
  void refusesACorruptHeaderAndATruncatedEntry() throws Exception {
    byte[] ok = tar(TarArchiveOutputStream.LONGFILE_POSIX, 0);
    byte[] bad = ok.clone();
    bad[3] ^= 0x55; // inside the first name: the checksum no longer matches
    assertThatThrownBy(() -> read(bad)).hasMessageContaining("bad header checksum");
    // etc/ (one block), the PAX header and its records (two), the file's header (one), then 2 of
    // its 6 bytes: the stream ends inside the entry.
    assertThatThrownBy(() -> read(Arrays.copyOf(ok, 512 * 4 + 2))).isInstanceOf(EOFException.class);
  }
}
