package dev.stowage.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content digests ({@code sha256:hex}) and the JSON reading that goes with them. */
final class Digests {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Digests() {}

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every JDK has SHA-256
    }
  }

  static String sha256(byte[] bytes) {
    return "sha256:" + HexFormat.of().formatHex(sha256().digest(bytes));
  }

  /** A message digest for {@code digest}'s algorithm (sha256, sha384, sha512). */
  static MessageDigest forDigest(String digest, String action) throws RegistryException {
    String algorithm = digest.substring(0, Math.max(0, digest.indexOf(':')));
    String jca =
        switch (algorithm) {
          case "sha256" -> "SHA-256";
          case "sha384" -> "SHA-384";
          case "sha512" -> "SHA-512";
          default -> throw new RegistryException(
              RegistryException.Reason.INVALID, action + ": unsupported digest " + digest);
        };
    try {
      return MessageDigest.getInstance(jca);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The digest of {@code bytes} with the algorithm of {@code like} ({@code sha512:...}). */
  static String of(String like, byte[] bytes, String action) throws RegistryException {
    String algorithm = like.substring(0, like.indexOf(':'));
    return algorithm + ":" + HexFormat.of().formatHex(forDigest(like, action).digest(bytes));
  }

  static JsonNode json(byte[] bytes, String what) throws RegistryException {
    try {
      JsonNode n = MAPPER.readTree(bytes);
      if (n == null || !n.isObject()) {
        throw new RegistryException(RegistryException.Reason.INVALID, what + ": not a JSON object");
      }
      return n;
    } catch (IOException e) {
      if (e instanceof RegistryException r) {
        throw r;
      }
      throw new RegistryException(RegistryException.Reason.INVALID, what + ": not JSON", e);
    }
  }
}
