package dev.stowage.cli;

import dev.stowage.image.ImageFormatException;
import dev.stowage.image.ImageSource;
import java.io.IOException;

/** Reads an image SOURCE for a command: an unreadable image exits 2, an I/O failure 3. Stateless. */
final class ImageInput {
  /** What a command does with the parsed source. */
  interface Reader<T> {
    T read(ImageSource source) throws ImageFormatException, IOException;
  }

  private ImageInput() {}

  static <T> T read(String source, Reader<T> reader) throws UserInputException, EnvironmentException {
    try {
      return reader.read(ImageSource.parse(source));
    } catch (IllegalArgumentException | ImageFormatException e) {
      throw new UserInputException(e.getMessage());
    } catch (IOException e) {
      throw new EnvironmentException("reading " + source + ": " + e.getMessage(), e);
    }
  }
}
