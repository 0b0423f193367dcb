package dev.stowage.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the text a command was given: a file named on the command line, or standard input for
 * {@code -}; every failure becomes a one-line message naming the file. Not thread-safe (it may
 * consume its standard input once).
 */
final class Inputs {
  /** The argument that means standard input. */
  static final String STDIN_ARGUMENT = "-";

  /** The name standard input has in messages and output. */
  static final String STDIN_NAME = "<stdin>";

  private final InputStream stdin;
  private final RunEnvironment run;

  Inputs(RunEnvironment run) {
    this.stdin = run.stdin();
    this.run = run;
  }

  /** A text read from a file or standard input, under the name messages should use. */
  record Input(String name, String text) {}

  /**
   * Reads {@code argument} as strict UTF-8.
   *
   * @throws UserInputException when it is missing, a directory, unreadable or not UTF-8
   * @throws EnvironmentException on any other I/O error
   */
  Input read(String argument) throws UserInputException, EnvironmentException {
    if (argument.equals(STDIN_ARGUMENT)) {
      try {
        return new Input(STDIN_NAME, decode(STDIN_NAME, stdin.readAllBytes()));
      } catch (IOException e) {
        throw new EnvironmentException("reading standard input: " + e.getMessage(), e);
      }
    }
    Path path;
    try {
      path = run.resolve(Path.of(argument));
    } catch (InvalidPathException e) {
      throw new UserInputException(argument + ": not a valid path: " + e.getReason());
    }
    if (Files.isDirectory(path)) {
      throw new UserInputException(argument + ": is a directory, expected a file");
    }
    if (!Files.exists(path)) {
      throw new UserInputException(argument + ": no such file");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new UserInputException(argument + ": no such file");
    } catch (AccessDeniedException e) {
      throw new UserInputException(argument + ": permission denied");
    } catch (IOException e) {
      throw new EnvironmentException("reading " + argument + ": " + e.getMessage(), e);
    }
    return new Input(argument, decode(argument, bytes));
  }

  private static String decode(String name, byte[] bytes) throws UserInputException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new UserInputException(name + ": not a UTF-8 text file");
    }
  }
}
