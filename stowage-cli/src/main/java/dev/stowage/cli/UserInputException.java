package dev.stowage.cli;

import java.util.List;

/**
 * The user's input cannot be used (missing file, a directory, not UTF-8, a Dockerfile syntax
 * error); each message already reads {@code file[:line:col]: what is wrong}. Exit code 2.
 */
public final class UserInputException extends Exception {
  private final List<String> messages;

  /** One problem. */
  public UserInputException(String message) {
    this(List.of(message));
  }

  /** Several problems, printed one per line; at least one. */
  public UserInputException(List<String> messages) {
    super(String.join("\n", messages));
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("no messages");
    }
    this.messages = List.copyOf(messages);
  }

  /** Each problem as one line, without the {@code stowage: } prefix. */
  public List<String> messages() {
    return messages;
  }
}
