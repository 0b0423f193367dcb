package dev.stowage.build.history;

/**
 * The history store cannot be opened, migrated, read or written; the message starts with the
 * store's location.
 */
public final class HistoryException extends Exception {
  private static final long serialVersionUID = 1L;

  public HistoryException(String message) {
    super(message);
  }

  public HistoryException(String message, Throwable cause) {
    super(message, cause);
  }
}
