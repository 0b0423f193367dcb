package dev.stowage.image;

/**
 * An image source cannot be read as an image: not an archive, a missing blob, a truncated or
 * corrupt layer, an unsafe entry path, or a stream over the decompression limits. The message
 * names the part and the source, such as {@code layer 3 of docker-archive:app.tar: not a tar
 * stream}.
 */
public final class ImageFormatException extends Exception {
  public ImageFormatException(String message) {
    super(message);
  }

  public ImageFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
