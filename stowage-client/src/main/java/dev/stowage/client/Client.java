package dev.stowage.client;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code java -jar stowage-client.jar SOCKET ARGS...}: runs a Stowage command in the warm server
 * listening on the Unix-domain socket SOCKET, as if this process ran it: same working directory,
 * environment, standard streams and exit code. Exits with {@value Protocol#RUN_DIRECTLY}, having
 * printed nothing, when there is no server or it does not serve the command; the launcher then
 * runs the command itself. Ending this process (Ctrl-C) cancels the run.
 */
public final class Client {
  private Client() {}

  public static void main(String[] argv) {
    if (argv.length < 1) {
      System.err.println("usage: stowage-client SOCKET ARGS...");
      System.exit(2);
    }
    Map<String, String> properties = new LinkedHashMap<>();
    for (String p : Protocol.PROPERTIES) {
      String v = System.getProperty(p);
      if (v != null) {
        properties.put(p, v);
      }
    }
    Protocol.Request request =
        new Protocol.Request(
            Protocol.VERSION,
            Path.of("").toAbsolutePath().toString(),
            System.getenv(),
            Arrays.asList(argv).subList(1, argv.length),
            isInteractive(System.console()),
            properties);
    int code = run(Path.of(argv[0]), request, System.in, System.out, System.err);
    System.exit(code);
  }

  /**
   * Sends {@code request} to the server at {@code socket} and relays the run: its output to {@code
   * out} and {@code err}, {@code in} to it when it reads standard input.
   *
   * @return the run's exit code; {@value Protocol#RUN_DIRECTLY} when nothing ran
   */
  public static int run(
      Path socket, Protocol.Request request, InputStream in, OutputStream out, OutputStream err) {
    SocketChannel ch;
    try {
      ch = SocketChannel.open(UnixDomainSocketAddress.of(socket));
    } catch (ConnectException e) {
      // Nobody listens: a server that died without removing its socket. Remove it so that the
      // launcher starts a new one.
      try {
        Files.deleteIfExists(socket);
      } catch (IOException | SecurityException ignored) {
        // another process's problem to solve
      }
      return Protocol.RUN_DIRECTLY;
    } catch (IOException | RuntimeException e) {
      return Protocol.RUN_DIRECTLY;
    }
    boolean printed = false;
    try (ch) {
      byte[] payload = request.encode();
      Protocol.write(ch, Protocol.REQUEST, payload, 0, payload.length);
      while (true) {
        Protocol.Frame f = Protocol.read(ch);
        if (f == null) {
          break;
        }
        switch (f.type()) {
          case Protocol.OUT -> {
            printed = true;
            out.write(f.payload());
            out.flush();
          }
          case Protocol.ERR -> {
            printed = true;
            err.write(f.payload());
            err.flush();
          }
          case Protocol.NEED_STDIN -> pump(in, ch);
          case Protocol.EXIT -> {
            return Protocol.exitCode(f);
          }
          default -> throw new IOException("unknown frame type " + f.type());
        }
      }
    } catch (IOException e) {
      // fall through: the server went away
    }
    if (!printed) {
      return Protocol.RUN_DIRECTLY;
    }
    try {
      err.write("stowage: the Stowage server ended the run early\n".getBytes());
      err.flush();
    } catch (IOException ignored) {
      // nothing left to tell
    }
    return 3;
  }

  /** Sends {@code in} to the server on a thread of its own, then its end. */
  private static void pump(InputStream in, SocketChannel ch) {
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[64 * 1024];
              try {
                for (int n; (n = in.read(buf)) >= 0; ) {
                  if (n > 0) {
                    Protocol.write(ch, Protocol.STDIN, buf, 0, n);
                  }
                }
                Protocol.write(ch, Protocol.STDIN_EOF);
              } catch (IOException e) {
                // the run ended or the server went away; the main thread sees it
              }
            },
            "stowage-client-stdin");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Whether the console is an interactive terminal, as the command line decides it for colours:
   * before JDK 22 a console exists only on one; from JDK 22 on {@code Console.isTerminal()} tells
   * (looked up by reflection, this code being compiled for 21).
   */
  public static boolean isInteractive(Console console) {
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}
