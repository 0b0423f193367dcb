package dev.stowage.build;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Exports an image of the engine as a {@code docker save} archive, streamed from the client's
 * output to a reader. Immutable and thread-safe.
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

  /** Reads the archive {@code docker save} writes, front to back, once. */
  public interface ArchiveReader<T, X extends Exception> {
    T read(InputStream archive) throws X, IOException;
  }

  /**
   * Runs {@code docker save REFERENCE} and hands its output, as it is written, to {@code reader};
   * nothing is written to disk. When the client fails, its error wins over what the reader made
   * of the stream it cut short (the reader's failure is attached as suppressed).
   *
   * @throws NoSuchImageException when the engine does not know the image
   * @throws IOException when the client fails otherwise (the message carries its error)
   */
  public <T, X extends Exception> T stream(String reference, ArchiveReader<T, X> reader)
      throws X, NoSuchImageException, IOException, InterruptedException {
    if (reference.startsWith("-")) {
      throw new NoSuchImageException("docker-daemon:" + reference + ": not an image reference");
    }
    ProcessBuilder pb =
        new ProcessBuilder(List.of(engine.client().toString(), "save", reference))
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().putAll(engine.environment());
    Process p = pb.start();
    Tail err = new Tail(p.getErrorStream());
    err.start();
    T result;
    try {
      try (InputStream in = p.getInputStream()) {
        try {
          result = reader.read(in);
        } catch (Exception e) {
          // A client that died mid-stream has exited by the time the reader saw the stream end.
          if (p.waitFor(2, TimeUnit.SECONDS) && p.exitValue() != 0) {
            Exception failure = failure(reference, p, err);
            failure.addSuppressed(e);
            if (failure instanceof NoSuchImageException n) {
              throw n;
            }
            throw (IOException) failure;
          }
          throw e;
        }
        in.transferTo(OutputStream.nullOutputStream()); // what follows the archive's end
      }
    } finally {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        p.waitFor();
      }
    }
    if (p.exitValue() != 0) {
      Exception failure = failure(reference, p, err);
      if (failure instanceof NoSuchImageException n) {
        throw n;
      }
      throw (IOException) failure;
    }
    return result;
  }

  /** What the client said when it failed: no such image, or an IOException with its last line. */
  private static Exception failure(String reference, Process p, Tail err) throws InterruptedException {
    err.join(5000);
    String said = err.text();
    Optional<String> line = said.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b);
    String message = line.orElse("exit status " + p.exitValue()).strip();
    if (message.contains("No such image") || message.contains("reference does not exist")) {
      return new NoSuchImageException("docker-daemon:" + reference + ": the engine has no such image");
    }
    return new IOException("docker save " + reference + " failed: " + message);
  }

  /** Reads a process's standard error, keeping its last 16 KiB. */
  private static final class Tail extends Thread {
    private static final int KEEP = 16 * 1024;
    private final InputStream in;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

    Tail(InputStream in) {
      super("stowage-docker-save-stderr");
      setDaemon(true);
      this.in = in;
    }

    @Override
    public void run() {
      byte[] buf = new byte[4096];
      try (in) {
        int n;
        while ((n = in.read(buf)) >= 0) {
          synchronized (kept) {
            kept.write(buf, 0, n);
            if (kept.size() > 2 * KEEP) {
              byte[] all = kept.toByteArray();
              kept.reset();
              kept.write(all, all.length - KEEP, KEEP);
            }
          }
        }
      } catch (IOException e) {
        // the process is gone; what was read is kept
      }
    }

    String text() {
      synchronized (kept) {
        return kept.toString(StandardCharsets.UTF_8);
      }
    }
  }
}
