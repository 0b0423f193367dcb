package dev.stowage.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A user name and secret (a password or a registry token) for one registry, or an identity token
 * (user name {@value #IDENTITY_TOKEN_USER}, as docker's credential helpers answer), which is
 * exchanged for an access token with OAuth2's refresh-token grant. Immutable; {@link
 * #toString()} never shows the secret.
 */
public record Credentials(String username, String secret) {
  /** The user name that marks the secret as an identity (refresh) token. */
  public static final String IDENTITY_TOKEN_USER = "<token>";

  public Credentials {
    if (username.indexOf(':') >= 0) {
      throw new IllegalArgumentException("user name must not contain ':'");
    }
  }

  /** An identity token, as {@code identitytoken} in the docker config file holds one. */
  public static Credentials identityToken(String token) {
    return new Credentials(IDENTITY_TOKEN_USER, token);
  }

  /** Whether the secret is an identity token rather than a password. */
  public boolean isIdentityToken() {
    return username.equals(IDENTITY_TOKEN_USER);
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
