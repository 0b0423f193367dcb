package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.client.Protocol;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native client ({@code stowage-client/src/main/c}, compiled here with the system's {@code
 * cc}, as the launcher does): every served run of {@link ServerTest} again through it, byte for
 * byte as direct runs, and what only it does: it reports no JVM properties, so the server serves
 * it only when its locale variables are the server's.
 */
class NativeClientTest extends ServerTest {
  @TempDir static Path bin;

  private static Path client;

  @BeforeAll
  static void compile() throws Exception {
    Path source = Path.of("..", "stowage-client", "src", "main", "c", "stowage-client.c").toAbsolutePath();
    client = bin.resolve("stowage-client");
    Process cc =
        new ProcessBuilder("cc", "-O2", "-Wall", "-Werror", "-o", client.toString(), source.toString(), "-lpthread")
            .redirectErrorStream(true)
            .start();
    String log = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(cc.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(cc.exitValue()).as("cc: %s", log).isZero();
  }

  @Override
  List<String> client(Path socket) {
    return List.of(client.toString(), socket.toString());
  }

  private Run nativeRun(Path socket, List<String> args, Map<String, String> env) throws Exception {
    List<String> cmd = new ArrayList<>(client(socket));
    cmd.addAll(args);
    return process(cmd, env, new byte[0]);
  }

  @Test
  void aDifferentLocaleIsNotServed() throws Exception {
    Map<String, String> env = new HashMap<>();
    String own = System.getenv("LC_ALL");
    env.put("LC_ALL", "C.UTF-8".equals(own) ? "POSIX" : "C.UTF-8");
    Run r = nativeRun(socket, List.of("parse", "app/Dockerfile"), env);
    assertThat(r.code()).isEqualTo(Protocol.RUN_DIRECTLY);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEmpty();
    // The same locale as the server's: served.
    Run same = nativeRun(socket, List.of("parse", "--format", "text", "app/Dockerfile"), Map.of());
    assertThat(same.code()).isZero();
    assertThat(new String(same.out(), StandardCharsets.UTF_8)).contains("FROM debian:latest");
  }

  @Test
  void unservedCommandsAndMissingServersMeanRunItYourself() throws Exception {
    for (List<String> args :
        List.<List<String>>of(List.of("build", "."), List.of("--version"), List.of("lint", "--help"), List.of())) {
      Run r = nativeRun(socket, args, Map.of());
      assertThat(r.code()).as("%s", args).isEqualTo(Protocol.RUN_DIRECTLY);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).isEmpty();
    }
    assertThat(nativeRun(tmp.resolve("no/such.sock"), List.of("lint", "x"), Map.of()).code())
        .isEqualTo(Protocol.RUN_DIRECTLY);
    // A socket nobody listens on (a server that died): not served, and removed so that the
    // launcher starts a new server.
    Path dead = Files.createDirectories(tmp.resolve("dead")).resolve("s.sock");
    try (ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.bind(UnixDomainSocketAddress.of(dead));
    }
    assertThat(dead).exists();
    assertThat(nativeRun(dead, List.of("lint", "x"), Map.of()).code()).isEqualTo(Protocol.RUN_DIRECTLY);
    assertThat(dead).doesNotExist();
  }

  @Test
  void aKilledClientCancelsItsRun() throws Exception {
    // A run waiting for standard input that never comes, until its client is killed.
    Process p =
        new ProcessBuilder(client.toString(), socket.toString(), "lint", "--no-shellcheck", "-")
            .directory(workdir.toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (server.activeRuns() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(server.activeRuns()).isEqualTo(1);
    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (server.activeRuns() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(server.activeRuns()).isZero();
  }
}
