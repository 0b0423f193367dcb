package dev.stowage.client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire format between {@link Client} and the Stowage server ({@code stowage internal-serve}) on
 * a Unix-domain socket. Everything is a frame: a type byte, a 4-byte big-endian length, then that
 * many bytes. The client sends one {@link #REQUEST} frame, then {@link #STDIN} frames and one
 * {@link #STDIN_EOF} once the server asked with {@link #NEED_STDIN}; the server sends {@link #OUT}
 * and {@link #ERR} bytes and ends with one {@link #EXIT} frame holding the 4-byte exit code. A
 * client that goes away cancels its run.
 */
public final class Protocol {
  private Protocol() {}

  /** Bumped on any change of the format; a server answers others with {@link #RUN_DIRECTLY}. */
  public static final int VERSION = 1;

  /** Client to server: the {@link Request}, first and once. */
  public static final byte REQUEST = 0;
  /** Server to client: bytes for standard output. */
  public static final byte OUT = 1;
  /** Server to client: bytes for standard error. */
  public static final byte ERR = 2;
  /** Server to client: the command reads standard input; send it. */
  public static final byte NEED_STDIN = 3;
  /** Server to client: the run ended with this exit code (4 bytes); nothing follows. */
  public static final byte EXIT = 4;
  /** Client to server: bytes of standard input. */
  public static final byte STDIN = 5;
  /** Client to server: standard input ended. */
  public static final byte STDIN_EOF = 6;

  /**
   * The exit code meaning "not run here, run the command yourself" (75, {@code EX_TEMPFAIL} of
   * BSD's sysexits): no server, an unsupported command, or a client the server cannot serve
   * exactly like a direct run. Nothing was printed.
   */
  public static final int RUN_DIRECTLY = 75;

  /** The largest frame accepted (a request carries the whole environment). */
  public static final int MAX_FRAME = 16 << 20;

  /** The system properties a client reports: what its own JVM would have run with. */
  public static final List<String> PROPERTIES =
      List.of(
          "file.encoding",
          "native.encoding",
          "sun.jnu.encoding",
          "sun.stdout.encoding",
          "sun.stderr.encoding",
          "stdout.encoding",
          "stderr.encoding",
          "user.language",
          "user.country",
          "user.variant",
          "user.script");

  /**
   * The property a client without a JVM (the native client, {@code src/main/c}) sends instead of
   * {@link #PROPERTIES}, value {@code true}: the server then serves it only when the client's locale
   * variables ({@link #LOCALE_VARIABLES}) are its own, a JVM started there having the server's
   * properties.
   */
  public static final String NATIVE_CLIENT_PROPERTY = "stowage.client.native";

  /**
   * A native client's value of {@code sun.stdout.encoding} or {@code sun.stderr.encoding}, sent
   * for the streams that are terminals (where a JVM sets them to its native encoding): the
   * server's {@code native.encoding}.
   */
  public static final String NATIVE_ENCODING = "native";

  /** The environment variables from which a JVM on Linux derives its charset and locale properties. */
  public static final List<String> LOCALE_VARIABLES = List.of("LC_ALL", "LC_CTYPE", "LC_MESSAGES", "LANG");

  /**
   * One command run asked of the server.
   *
   * @param version {@link #VERSION} of the client
   * @param cwd the client's absolute working directory
   * @param env the client's environment
   * @param args the command line, without the program name
   * @param console whether the client has an interactive console (standard input and output on a
   *     terminal)
   * @param properties the {@link #PROPERTIES} of the client's JVM that are set
   */
  public record Request(
      int version,
      String cwd,
      Map<String, String> env,
      List<String> args,
      boolean console,
      Map<String, String> properties) {
    public Request {
      env = Map.copyOf(env);
      args = List.copyOf(args);
      properties = Map.copyOf(properties);
    }

    /** The request as the payload of a {@link #REQUEST} frame. */
    public byte[] encode() {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeInt(version);
        string(out, cwd);
        map(out, env);
        out.writeInt(args.size());
        for (String a : args) {
          string(out, a);
        }
        out.writeBoolean(console);
        map(out, properties);
      } catch (IOException e) {
        throw new IllegalStateException("writing to memory", e);
      }
      return bytes.toByteArray();
    }

    /**
     * Reads a payload made by {@link #encode}.
     *
     * @throws IOException when it is truncated or malformed
     */
    public static Request decode(byte[] payload) throws IOException {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
      int version = in.readInt();
      if (version != VERSION) {
        return new Request(version, "/", Map.of(), List.of(), false, Map.of());
      }
      String cwd = string(in);
      Map<String, String> env = map(in);
      int n = count(in);
      List<String> args = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        args.add(string(in));
      }
      boolean console = in.readBoolean();
      return new Request(version, cwd, env, args, console, map(in));
    }

    private static void string(DataOutputStream out, String s) throws IOException {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      out.writeInt(b.length);
      out.write(b);
    }

    private static void map(DataOutputStream out, Map<String, String> m) throws IOException {
      out.writeInt(m.size());
      for (Map.Entry<String, String> e : m.entrySet()) {
        string(out, e.getKey());
        string(out, e.getValue());
      }
    }

    private static String string(DataInputStream in) throws IOException {
      byte[] b = new byte[count(in)];
      in.readFully(b);
      return new String(b, StandardCharsets.UTF_8);
    }

    private static Map<String, String> map(DataInputStream in) throws IOException {
      int n = count(in);
      Map<String, String> m = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        m.put(string(in), string(in));
      }
      return m;
    }

    private static int count(DataInputStream in) throws IOException {
      int n = in.readInt();
      if (n < 0 || n > MAX_FRAME) {
        throw new IOException("malformed request: count " + n);
      }
      return n;
    }
  }

  /** A frame read: its type and payload. */
  public record Frame(byte type, byte[] payload) {}

  /** Writes one frame; callers writing from several threads hold one lock around it. */
  public static void write(WritableByteChannel ch, byte type, byte[] b, int off, int len)
      throws IOException {
    ByteBuffer head = ByteBuffer.allocate(5).put(type).putInt(len).flip();
    ByteBuffer body = ByteBuffer.wrap(b, off, len);
    while (head.hasRemaining()) {
      ch.write(head);
    }
    while (body.hasRemaining()) {
      ch.write(body);
    }
  }

  /** Writes a frame with an empty payload. */
  public static void write(WritableByteChannel ch, byte type) throws IOException {
    write(ch, type, new byte[0], 0, 0);
  }

  /** Writes an {@link #EXIT} frame. */
  public static void writeExit(WritableByteChannel ch, int code) throws IOException {
    write(ch, EXIT, ByteBuffer.allocate(4).putInt(code).array(), 0, 4);
  }

  /** The exit code of an {@link #EXIT} frame. */
  public static int exitCode(Frame f) {
    return ByteBuffer.wrap(f.payload()).getInt();
  }

  /**
   * The next frame, or null when the peer closed the connection between frames.
   *
   * @throws IOException on a read error, a frame cut short, or one over {@link #MAX_FRAME}
   */
  public static Frame read(ReadableByteChannel ch) throws IOException {
    ByteBuffer head = ByteBuffer.allocate(5);
    if (!fill(ch, head, true)) {
      return null;
    }
    head.flip();
    byte type = head.get();
    int len = head.getInt();
    if (len < 0 || len > MAX_FRAME) {
      throw new IOException("malformed frame: length " + len);
    }
    ByteBuffer body = ByteBuffer.allocate(len);
    fill(ch, body, false);
    return new Frame(type, body.array());
  }

  private static boolean fill(ReadableByteChannel ch, ByteBuffer buf, boolean eofAllowed)
      throws IOException {
    while (buf.hasRemaining()) {
      if (ch.read(buf) < 0) {
        if (eofAllowed && buf.position() == 0) {
          return false;
        }
        throw new EOFException("connection closed inside a frame");
      }
    }
    return true;
  }
}
