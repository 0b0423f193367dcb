package dev.stowage.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Exports an image of the engine as a {@code docker save} archive. Immutable and thread-safe.
 */
public final class ImageExporter {
  private final Engine engine;

  public ImageExporter(Engine engine) {
    this.engine = engine;
  }

  /** The engine has no image by that name: the user's input is wrong, not the machine. */
  public static final class NoSuchImageException extends Exception {
    public NoSuchImageException(String message) {
      super(message);
    }
  }

  /**
   * Writes {@code docker save REFERENCE} to {@code target}, streamed from the client's output.
   *
   * @throws NoSuchImageException when the engine does not know the image
   * @throws IOException when the client fails otherwise (the message carries its error)
   */
  public void save(String reference, Path target) throws NoSuchImageException, IOException, InterruptedException {
    if (reference.startsWith("-")) {
      throw new NoSuchImageException("docker-daemon:" + reference + ": not an image reference");
    }
    ProcessBuilder pb =
        new ProcessBuilder(List.of(engine.client().toString(), "save", reference))
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().putAll(engine.environment());
    Path err = Files.createTempFile(target.getParent(), "save-", ".err");
    pb.redirectError(err.toFile());
    Process p = pb.start();
    try (InputStream in = p.getInputStream()) {
      Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } finally {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
    String said = Files.readString(err, StandardCharsets.UTF_8).strip();
    Files.deleteIfExists(err);
    if (p.exitValue() != 0) {
      Optional<String> line = said.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b);
      String message = line.orElse("exit status " + p.exitValue());
      if (message.contains("No such image") || message.contains("reference does not exist")) {
        throw new NoSuchImageException("docker-daemon:" + reference + ": the engine has no such image");
      }
      throw new IOException("docker save " + reference + ": " + message);
    }
  }
}
