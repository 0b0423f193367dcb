package dev.stowage.image;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads an {@link ImageStream} once, in the archive's order, without writing anything to disk. In
 * a {@code docker save} tar the layers come first and {@code manifest.json} last, so the layer
 * order is known only at the end: small documents (manifests, indexes, configs, Docker's per-layer
 * {@code json} and {@code VERSION}) are kept in memory, and every other file is handed, as its
 * bytes arrive, through a bounded pipe to a {@link LayerJob} on a worker thread, which decodes,
 * hashes and analyses it while the reader moves on. {@link #layer} then gives each layer's result
 * by its blob name. At most {@link #PIPE_CHUNKS} chunks of {@link #CHUNK} bytes wait per layer.
 * Not thread-safe: one read, then lookups, then {@link #close}.
 *
 * @param <R> what a job makes of one layer
 */
final class StreamedArchive<R> implements AutoCloseable {
  /** Reads one layer candidate; runs on a worker thread, so it must be thread-safe. */
  interface LayerJob<R> {
    R read(String where, InputStream raw) throws ImageFormatException, IOException;
  }

  static final int CHUNK = 64 * 1024;
  static final int PIPE_CHUNKS = 8;
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ImageStream stream;
  private final ImageLimits limits;
  private final LayerJob<R> job;
  private final ExecutorService pool;
  private final Map<String, byte[]> kept = new HashMap<>();
  private final Map<String, String> links = new HashMap<>();
  private final Map<String, Future<R>> layers = new HashMap<>();
  private final List<Pipe> pipes = new ArrayList<>();
  private Blobs.@Nullable Memory documents;

  StreamedArchive(ImageStream stream, ImageLimits limits, LayerJob<R> job) {
    this.stream = stream;
    this.limits = limits;
    this.job = job;
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "stowage-stream-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** The source named in messages and reports. */
  ImageSource source() {
    return new ImageSource(ImageSource.Kind.DOCKER_DAEMON, Path.of(""), stream.name());
  }

  /**
   * Reads the whole archive, starting a job for each layer candidate, and returns the image its
   * documents describe: Docker's {@code manifest.json} when present, else the OCI index.
   */
  ImageLayout.Image read(Optional<String> platform) throws ImageFormatException, IOException {
    ImageSource source = source();
    TarArchiveInputStream tar = new TarArchiveInputStream(stream.tar());
    long keptBytes = 0;
    long maxKept = 4L * limits.maxMetadataBytes();
    int entries = 0;
    byte[] head = new byte[512];
    try {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        if (++entries > limits.maxEntries()) {
          throw new ImageFormatException(source + ": more than " + limits.maxEntries() + " archive entries");
        }
        String name = Blobs.normalize(e.getName());
        if (e.isSymbolicLink() || e.isLink()) {
          links.put(name, Blobs.linkTarget(name, e));
          continue;
        }
        if (!e.isFile()) {
          continue;
        }
        if (e.getSize() < 0) {
          throw new ImageFormatException(source + ": negative size for " + name);
        }
        int n = tar.readNBytes(head, 0, (int) Math.min(head.length, e.getSize()));
        if (n < Math.min(head.length, e.getSize())) {
          throw new EOFException("archive ends inside " + name);
        }
        if (e.getSize() <= limits.maxMetadataBytes() && !layerLike(head, n)) {
          keptBytes += e.getSize();
          if (keptBytes > maxKept) {
            throw new ImageFormatException(source + ": more than " + maxKept + " bytes of small files");
          }
          byte[] bytes = Arrays.copyOf(head, (int) e.getSize());
          int rest = tar.readNBytes(bytes, n, bytes.length - n);
          if (n + rest < bytes.length) {
            throw new EOFException("archive ends inside " + name);
          }
          kept.put(name, bytes);
          continue;
        }
        Pipe pipe = new Pipe();
        pipes.add(pipe);
        String where = "layer " + name + " of " + source;
        layers.put(name, pool.submit(() -> {
          try (pipe) {
            return job.read(where, pipe);
          }
        }));
        byte[] first = pipe.buffer();
        System.arraycopy(head, 0, first, 0, n);
        pipe.write(first, n);
        long left = e.getSize() - n;
        while (left > 0) {
          if (pipe.abandoned()) { // the job is done (it failed, or read all it needs): skip the rest
            long skipped = tar.skip(left);
            if (skipped <= 0) {
              throw new EOFException("archive ends inside " + name);
            }
            left -= skipped;
            continue;
          }
          byte[] chunk = pipe.buffer();
          int want = (int) Math.min(CHUNK, left);
          int got = tar.readNBytes(chunk, 0, want);
          if (got < want) {
            throw new EOFException("archive ends inside " + name);
          }
          pipe.write(chunk, got);
          left -= got;
        }
        pipe.end();
      }
      tar.transferTo(java.io.OutputStream.nullOutputStream()); // the end-of-archive blocks and padding
    } catch (ImageFormatException ex) {
      failPipes(new IOException(ex.getMessage(), ex));
      throw ex;
    } catch (IOException | IllegalArgumentException ex) {
      failPipes(ex instanceof EOFException eof ? eof : new IOException(ex.getMessage(), ex));
      if (ex instanceof InterruptedIOException io) {
        throw io;
      }
      String msg = String.valueOf(ex.getMessage());
      if (ex instanceof EOFException || msg.toLowerCase(java.util.Locale.ROOT).contains("truncated")) {
        throw new ImageFormatException(source + ": truncated archive (" + msg + ")", ex);
      }
      throw new ImageFormatException(
          source + ": " + (entries == 0 ? "not a tar archive" : "corrupt archive") + " (" + msg + ")", ex);
    }
    Blobs.Memory blobs = new Blobs.Memory(kept, links);
    documents = blobs;
    if (blobs.has("manifest.json")) {
      return ImageLayout.dockerImage(blobs, source, limits);
    }
    if (blobs.has("oci-layout")) {
      return ImageLayout.ociImage(blobs, source, platform, limits);
    }
    throw new ImageFormatException(source + ": neither manifest.json nor oci-layout; not an image archive");
  }

  /**
   * The result of the layer {@code ref} of the image {@link #read} returned; a job's failure is
   * thrown here, so that files no manifest names cannot fail the read.
   */
  R layer(ImageLayout.LayerRef ref, int index) throws ImageFormatException, IOException {
    Blobs.Memory blobs = documents;
    if (blobs == null) {
      throw new IllegalStateException("read the archive first");
    }
    String name = blobs.resolve(ref.blob());
    Future<R> future = layers.get(name);
    if (future == null) {
      Optional<InputStream> small = blobs.open(name);
      if (small.isEmpty()) {
        throw new ImageFormatException("layer " + index + " of " + source() + ": missing blob " + ref.blob());
      }
      return job.read("layer " + name + " of " + source(), small.get());
    }
    return ImageAnalyzer.await(future);
  }

  private void failPipes(IOException cause) {
    for (Pipe p : pipes) {
      p.fail(cause);
    }
  }

  /**
   * Whether the first bytes of a file are a layer's: gzip or zstd magic, a ustar header, or the
   * zero block of an empty tar. Anything else small is a document.
   */
  static boolean layerLike(byte[] head, int n) {
    if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
      return true;
    }
    if (n >= 4 && (head[0] & 0xff) == 0x28 && (head[1] & 0xff) == 0xb5 && (head[2] & 0xff) == 0x2f
        && (head[3] & 0xff) == 0xfd) {
      return true;
    }
    if (n < 512) {
      return false;
    }
    if (head[257] == 'u' && head[258] == 's' && head[259] == 't' && head[260] == 'a' && head[261] == 'r') {
      return true;
    }
    for (int i = 0; i < 512; i++) {
      if (head[i] != 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    failPipes(new IOException("archive read abandoned"));
    pool.shutdownNow();
  }

  /**
   * A bounded hand-over of one file's bytes from the archive reader to its job. The writer waits
   * while the pipe is full and the job still reads; once the job closes it, the rest is dropped.
   * Buffers the job has read go back to the writer, so a layer of any size uses a few of them.
   */
  static final class Pipe extends InputStream {
    private record Chunk(byte[] data, int length) {}

    private static final Chunk END = new Chunk(new byte[0], 0);
    private final BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(PIPE_CHUNKS);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(PIPE_CHUNKS + 2);
    private volatile boolean closed;
    private volatile @Nullable IOException failure;
    private @Nullable Chunk current;
    private int position;

    /** Whether the job has closed the pipe: what follows would be dropped. */
    boolean abandoned() {
      return closed;
    }

    /** A buffer of {@link #CHUNK} bytes for the writer: one the job has read, or a new one. */
    byte[] buffer() {
      byte[] b = free.poll();
      return b != null ? b : new byte[CHUNK];
    }

    void write(byte[] data, int length) throws InterruptedIOException {
      if (length > 0) {
        put(new Chunk(data, length));
      }
    }

    void end() throws InterruptedIOException {
      put(END);
    }

    private void put(Chunk chunk) throws InterruptedIOException {
      try {
        while (!closed && failure == null) {
          if (chunks.offer(chunk, 20, TimeUnit.MILLISECONDS)) {
            return;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while handing a layer over");
      }
    }

    /** The writer failed: the job's next read throws {@code cause}. */
    void fail(IOException cause) {
      if (failure == null) {
        failure = cause;
      }
    }

    /** Whether bytes are available in {@link #current}, taking the next chunk when it is used up. */
    private boolean fill() throws IOException {
      Chunk c = current;
      if (c == END) {
        return false;
      }
      if (c != null && position < c.length()) {
        return true;
      }
      if (c != null) {
        free.offer(c.data());
      }
      try {
        Chunk next;
        while ((next = chunks.poll(20, TimeUnit.MILLISECONDS)) == null) {
          IOException f = failure;
          if (f != null) {
            throw f instanceof EOFException ? new EOFException(f.getMessage()) : new IOException(f.getMessage(), f);
          }
        }
        current = next;
        position = 0;
        return next != END;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while reading a layer");
      }
    }

    @Override
    public int read() throws IOException {
      if (!fill()) {
        return -1;
      }
      return current.data()[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (!fill()) {
        return -1;
      }
      Chunk c = current;
      int n = Math.min(len, c.length() - position);
      System.arraycopy(c.data(), position, b, off, n);
      position += n;
      return n;
    }

    @Override
    public void close() {
      closed = true;
      chunks.clear();
    }
  }
}
