package dev.stowage.registry;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A blob stream hashed as it is read; reaching its end with a different digest throws a {@link
 * RegistryException}, so no caller sees a complete but wrong blob. Not thread-safe.
 */
final class VerifiedStream extends InputStream {
  private final InputStream in;
  private final String expected;
  private final String action;
  private final MessageDigest digest;
  private boolean checked;

  VerifiedStream(InputStream in, String expected, String action) throws RegistryException {
    this.in = in;
    this.expected = expected;
    this.action = action;
    this.digest = Digests.forDigest(expected, action);
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      digest.update((byte) b);
    } else {
      verify();
    }
    return b;
  }

  // skip() is InputStream's: it reads through read(byte[], int, int), so skipped bytes are hashed.
  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n > 0) {
      digest.update(b, off, n);
    } else if (n < 0) {
      verify();
    }
    return n;
  }

  @Override
  public int available() throws IOException {
    return in.available();
  }

  @Override
  public void close() throws IOException {
    in.close();
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
