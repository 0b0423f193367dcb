package dev.stowage.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A user name and secret (a password or a registry token) for one registry. Immutable; {@link
 * #toString()} never shows the secret.
 */
public record Credentials(String username, String secret) {
  public Credentials {
    if (username.indexOf(':') >= 0) {
      throw new IllegalArgumentException("user name must not contain ':'");
    }
  }

  /** The value of an {@code Authorization: Basic} header. */
  String basicHeader() {
    return "Basic "
        + Base64.getEncoder().encodeToString((username + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "Credentials[" + username + ", ****]";
  }
}
