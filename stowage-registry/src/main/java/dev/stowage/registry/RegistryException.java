package dev.stowage.registry;

import java.io.IOException;

/**
 * A registry request failed. The message starts with the action and names the reference, such
 * as {@code pulling 127.0.0.1:5000/app:1.0: manifest unknown (404)}. An {@link IOException} so that
 * it passes through streams handed to the image analysis.
 */
public final class RegistryException extends IOException {
  /** Why the request failed; {@link #isEnvironment()} tells the user's problem from the machine's. */
  public enum Reason {
    /** No connection, a timeout, a TLS failure or a server error: exit code 3. */
    UNREACHABLE,
    /** 401 or 403: missing or refused credentials. */
    UNAUTHORIZED,
    /** 404, or no manifest for the platform asked for. */
    NOT_FOUND,
    /** An answer that breaks the distribution specification, or content that fails its digest. */
    INVALID
  }

  private final Reason reason;

  public RegistryException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public RegistryException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  /** Whether the cause lies outside the user's input (unreachable registry): exit code 3, not 2. */
  public boolean isEnvironment() {
    return reason == Reason.UNREACHABLE;
  }
}
