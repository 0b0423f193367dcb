package dev.stowage.build;

/** No BuildKit engine could be found or reached; the message says what was looked for. */
public final class EngineUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  public EngineUnavailableException(String message) {
    super(message);
  }
}
