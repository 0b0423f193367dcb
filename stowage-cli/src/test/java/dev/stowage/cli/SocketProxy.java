package dev.stowage.cli;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fault injection: a Unix socket that forwards every connection to the engine's socket until
 * {@link #close} cuts them all, as an engine that goes away mid-build would.
 */
final class SocketProxy implements AutoCloseable {
  private final Path path;
  private final ServerSocketChannel server;
  private final List<SocketChannel> open = new CopyOnWriteArrayList<>();

  SocketProxy(Path path, Path target) throws IOException {
    this.path = path;
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(path));
    Thread.ofVirtual().start(() -> {
      while (server.isOpen()) {
        try {
          SocketChannel client = server.accept();
          SocketChannel engine = SocketChannel.open(UnixDomainSocketAddress.of(target));
          open.add(client);
          open.add(engine);
          Thread.ofVirtual().start(() -> pump(client, engine));
          Thread.ofVirtual().start(() -> pump(engine, client));
        } catch (IOException e) {
          return; // closed
        }
      }
    });
  }

  /** The {@code DOCKER_HOST} value that goes through this proxy. */
  String dockerHost() {
    return "unix://" + path;
  }

  private static void pump(SocketChannel from, SocketChannel to) {
    ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    try {
      while (from.read(buf) >= 0) {
        buf.flip();
        while (buf.hasRemaining()) {
          to.write(buf);
        }
        buf.clear();
      }
      to.shutdownOutput();
    } catch (IOException e) {
      // one side closed: the other pump ends too
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (SocketChannel c : open) {
      c.close();
    }
    Files.deleteIfExists(path);
  }
}
