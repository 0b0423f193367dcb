package dev.stowage.cli;

import dev.stowage.client.Protocol;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;

/**
 * The warm server behind {@code internal-serve}: runs {@code lint}, {@code check}, {@code parse}
 * and {@code fix} without {@code --write} for {@link dev.stowage.client.Client}s on a
 * Unix-domain socket, each connection on its own
 * thread, each run with its client's working directory, environment, terminal and standard
 * streams ({@link RunEnvironment}), so that its output and exit code are a direct run's. Anything
 * else is answered with {@link Protocol#RUN_DIRECTLY}. Stops, removing its socket, after an idle
 * time without connections, or on {@link #close}.
 */
final class Server implements Closeable {
  /**
   * The commands served: they only read files and print ({@code fix} only without
   * {@code --write}, which rewrites files, and {@code --dockerignore} with it).
   */
  static final Set<String> SERVED = Set.of("lint", "check", "parse", "fix");

  /** Options that make picocli print help or the version, which detects the terminal itself. */
  private static final Set<String> HELP = Set.of("-h", "--help", "-V", "--version", "help");

  /** The JVM settings a client must share with the server for identical output. */
  private static final List<String> SAME_PROPERTIES =
      List.of(
          "file.encoding",
          "native.encoding",
          "sun.jnu.encoding",
          "user.language",
          "user.country",
          "user.variant",
          "user.script");

  private final Path socket;
  private final long idleNanos;
  private final ServerSocketChannel listener;
  private final AtomicInteger active = new AtomicInteger();
  private volatile long idleSince = System.nanoTime();
  private volatile boolean closed;

  /**
   * Binds {@code socket}, creating its folder (mode 0700) when missing.
   *
   * @throws EnvironmentException when the folder is not this user's alone, or binding fails (a
   *     live server on the socket included)
   */
  Server(Path socket, Duration idle) throws EnvironmentException {
    this.socket = socket.toAbsolutePath();
    this.idleNanos = idle.toNanos();
    Path dir = Objects.requireNonNull(this.socket.getParent(), "socket has no folder");
    try {
      secureFolder(dir);
      if (Files.exists(this.socket, LinkOption.NOFOLLOW_LINKS)) {
        if (isLive(this.socket)) {
          throw new EnvironmentException(this.socket + ": a server already listens here");
        }
        Files.delete(this.socket); // left by a server that died
      }
      listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      listener.bind(UnixDomainSocketAddress.of(this.socket));
      Files.setPosixFilePermissions(this.socket, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new EnvironmentException("binding " + this.socket + ": " + e.getMessage(), e);
    }
  }

  /**
   * The socket's folder: created 0700, or refused unless owned by this user and private. A folder
   * that exists is never changed: it may be a shared one such as {@code /tmp}.
   */
  private static void secureFolder(Path dir) throws IOException, EnvironmentException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectories(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw new EnvironmentException(dir + ": not a folder");
    }
    Object owner = Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    Object me = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    if (!owner.equals(me)) {
      throw new EnvironmentException(dir + ": owned by another user; refusing to serve from it");
    }
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
    if (!perms.equals(PosixFilePermissions.fromString("rwx------"))) {
      throw new EnvironmentException(
          dir + ": open to other users (mode " + PosixFilePermissions.toString(perms)
              + "); the server's socket needs a private folder (rwx------)");
    }
  }

  private static boolean isLive(Path socket) {
    try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Accepts connections until idle for the idle time, or closed; then removes the socket. */
  void serve() {
    Thread watchdog = Thread.ofPlatform().daemon().name("stowage-serve-idle").start(this::watch);
    try {
      while (!closed) {
        SocketChannel ch = listener.accept();
        active.incrementAndGet();
        Thread.ofPlatform().daemon().name("stowage-serve-run").start(() -> handle(ch));
      }
    } catch (ClosedChannelException e) {
      // closed: idle, or close()
    } catch (IOException e) {
      // accept failed: stop serving, clients run their commands directly
    } finally {
      watchdog.interrupt();
      close();
    }
  }

  /** How many connections are being served now. */
  int activeRuns() {
    return active.get();
  }

  private void watch() {
    try {
      while (!closed) {
        Thread.sleep(Math.max(1, Math.min(1000, idleNanos / 4_000_000)));
        if (active.get() == 0 && System.nanoTime() - idleSince > idleNanos) {
          close();
        }
      }
    } catch (InterruptedException e) {
      // serve() ended
    }
  }

  /**
   * Stops accepting and removes the socket; runs in progress finish. Synchronized so that a
   * second caller (serve() ending because the idle watchdog closed the listener) returns only
   * once the socket is gone.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      listener.close();
    } catch (IOException e) {
      // closing anyway
    }
    try {
      Files.deleteIfExists(socket);
    } catch (IOException e) {
      // the next server deletes a dead socket
    }
  }

  private void handle(SocketChannel ch) {
    try (ch) {
      Protocol.Frame first = Protocol.read(ch);
      if (first == null || first.type() != Protocol.REQUEST) {
        return;
      }
      Protocol.Request request = withNativeProperties(Protocol.Request.decode(first.payload()));
      if (!serves(request)) {
        Protocol.writeExit(ch, Protocol.RUN_DIRECTLY);
        return;
      }
      new Connection(ch, request).run();
    } catch (IOException e) {
      // the client went away or spoke nonsense: nothing to answer
    } finally {
      idleSince = System.nanoTime();
      active.decrementAndGet();
    }
  }

  /**
   * Whether a request can be run here exactly as its client would run it: a served command (the
   * first argument not an option), no help or version (picocli colours those by looking at the
   * terminal itself), the same protocol, and the same JVM character set and locale settings.
   */
  static boolean serves(Protocol.Request request) {
    if (request.version() != Protocol.VERSION || !Path.of(request.cwd()).isAbsolute()) {
      return false;
    }
    if (!isServedCommand(request.args())) {
      return false;
    }
    for (String p : SAME_PROPERTIES) {
      if (!Objects.equals(System.getProperty(p), request.properties().get(p))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a command line names a served command (the first argument not an option) and asks
   * for no help or version.
   */
  static boolean isServedCommand(List<String> args) {
    String named = args.stream().filter(a -> !a.startsWith("-")).findFirst().orElse("");
    return SERVED.contains(named)
        && args.stream().noneMatch(HELP::contains)
        && !(named.equals("fix") && args.contains("--write"));
  }

  /**
   * A native client's request (see {@link Protocol#NATIVE_CLIENT_PROPERTY}) with this JVM's
   * properties when its locale variables are this process's; any other request unchanged (a native
   * one then lacks the properties {@link #serves} compares, so it is not served).
   */
  static Protocol.Request withNativeProperties(Protocol.Request request) {
    if (!"true".equals(request.properties().get(Protocol.NATIVE_CLIENT_PROPERTY))) {
      return request;
    }
    for (String v : Protocol.LOCALE_VARIABLES) {
      if (!Objects.equals(System.getenv(v), request.env().get(v))) {
        return request;
      }
    }
    Map<String, String> own = new LinkedHashMap<>();
    for (String p : Protocol.PROPERTIES) {
      String value = System.getProperty(p);
      if (value != null) {
        own.put(p, value);
      }
    }
    // The streams a JVM there would have seen as terminals (this server's are not).
    for (String stream : List.of("sun.stdout.encoding", "sun.stderr.encoding")) {
      own.remove(stream);
      if (Protocol.NATIVE_ENCODING.equals(request.properties().get(stream))) {
        own.put(stream, System.getProperty("native.encoding"));
      }
    }
    return new Protocol.Request(
        request.version(), request.cwd(), request.env(), request.args(), request.console(), own);
  }

  /** One served run: its streams over the connection, cancelled when the client goes away. */
  private static final class Connection {
    private static final byte[] EOF = new byte[0];

    private final SocketChannel ch;
    private final Protocol.Request request;
    private final Object writeLock = new Object();
    private final BlockingQueue<byte[]> stdin = new ArrayBlockingQueue<>(16);
    private volatile Thread runner;

    Connection(SocketChannel ch, Protocol.Request request) {
      this.ch = ch;
      this.request = request;
    }

    void run() throws IOException {
      runner = Thread.currentThread();
      Thread reader =
          Thread.ofPlatform().daemon().name("stowage-serve-stdin").start(this::readClient);
      Map<String, String> env = request.env();
      RunEnvironment run =
          new RunEnvironment(
              Path.of(request.cwd()), env, new StdinStream(), Terminal.of(request.console(), env));
      String[] args = request.args().toArray(String[]::new);
      CommandLine cl = StowageCommand.forArgs(args, run);
      // As picocli makes its default writers, in the client's character sets.
      PrintWriter out = writer(Protocol.OUT, charset("sun.stdout.encoding"));
      PrintWriter err = writer(Protocol.ERR, charset("sun.stderr.encoding"));
      cl.setOut(out);
      cl.setErr(err);
      int code = cl.execute(args);
      out.flush();
      err.flush();
      runner = null;
      Thread.interrupted(); // a late cancellation: the run is over
      synchronized (writeLock) {
        Protocol.writeExit(ch, code);
      }
      reader.interrupt();
    }

    /** The client's frames: standard input, its end, or the connection's end (cancel). */
    private void readClient() {
      try {
        while (true) {
          Protocol.Frame f = Protocol.read(ch);
          if (f == null) {
            break;
          }
          if (f.type() == Protocol.STDIN && f.payload().length > 0) {
            stdin.put(f.payload());
          } else if (f.type() == Protocol.STDIN_EOF) {
            stdin.put(EOF);
          }
        }
      } catch (IOException | InterruptedException e) {
        // the connection ended
      }
      // The client is gone (killed, Ctrl-C): cancel its run.
      stdin.offer(EOF);
      Thread r = runner;
      if (r != null) {
        r.interrupt();
      }
    }

    /** picocli's charset choice, for the client's property {@code name}. */
    private Charset charset(String name) {
      String value = request.properties().get(name);
      if (value == null) {
        return Charset.defaultCharset();
      }
      return Charset.forName(value.equalsIgnoreCase("cp65001") ? "UTF-8" : value);
    }

    private PrintWriter writer(byte type, Charset charset) {
      OutputStream frames =
          new OutputStream() {
            @Override
            public void write(int b) throws IOException {
              write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
              synchronized (writeLock) {
                Protocol.write(ch, type, b, off, len);
              }
            }
          };
      // Frames of up to 64 KiB: the client runs interpreted, and a large report (megabytes of
      // JSON) in 8 KiB frames kept it busy after the server had finished (#3 lint speed).
      return new PrintWriter(
          new BufferedWriter(
              new OutputStreamWriter(new BufferedOutputStream(frames, 1 << 16), charset)),
          true);
    }

    /** Standard input of the run: asks the client for it on the first read. */
    private final class StdinStream extends InputStream {
      private boolean asked;
      private byte[] chunk = new byte[0];
      private int pos;
      private boolean ended;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        while (pos == chunk.length) {
          if (ended) {
            return -1;
          }
          if (!asked) {
            asked = true;
            synchronized (writeLock) {
              Protocol.write(ch, Protocol.NEED_STDIN);
            }
          }
          try {
            chunk = stdin.take();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("the client went away");
          }
          pos = 0;
          if (chunk == EOF) {
            ended = true;
          }
        }
        int n = Math.min(len, chunk.length - pos);
        System.arraycopy(chunk, pos, b, off, n);
        pos += n;
        return n;
      }
    }
  }
}
