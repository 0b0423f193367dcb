package dev.stowage.registry;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A blob stream hashed as it is read; reaching its end with a different digest throws a {@link
 * RegistryException}, so no caller sees a complete but wrong blob. Not thread-safe.
 */
final class VerifiedStream extends FilterInputStream {
  private final String expected;
  private final String action;
  private final MessageDigest digest;
  private boolean checked;

  VerifiedStream(InputStream in, String expected, String action) throws RegistryException {
    super(in);
    this.expected = expected;
    this.action = action;
    this.digest = Digests.forDigest(expected, action);
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
      digest.update(b, off, n);
    } else if (n < 0) {
      verify();
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buf = new byte[8192];
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

  private void verify() throws RegistryException {
    if (checked) {
      return;
    }
    checked = true;
    String algorithm = expected.substring(0, expected.indexOf(':'));
    String actual = algorithm + ":" + HexFormat.of().formatHex(digest.digest());
    if (!actual.equals(expected)) {
      throw new RegistryException(
          RegistryException.Reason.INVALID, action + ": content has digest " + actual + ", not " + expected);
    }
  }
}
