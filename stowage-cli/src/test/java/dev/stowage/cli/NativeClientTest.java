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
  void aNativeRequestGetsTheServersPropertiesAndItsTerminalsEncoding() {
    Map<String, String> env = new HashMap<>(System.getenv());
    Map<String, String> props =
        Map.of(Protocol.NATIVE_CLIENT_PROPERTY, "true", "sun.stdout.encoding", Protocol.NATIVE_ENCODING);
    Protocol.Request native_ =
        new Protocol.Request(Protocol.VERSION, "/", env, List.of("lint", "x"), true, props);
    Protocol.Request served = Server.withNativeProperties(native_);
    assertThat(served.properties())
        .containsEntry("file.encoding", System.getProperty("file.encoding"))
        .containsEntry("native.encoding", System.getProperty("native.encoding"))
        .containsEntry("sun.stdout.encoding", System.getProperty("native.encoding"))
        .doesNotContainKey("sun.stderr.encoding")
        .doesNotContainKey(Protocol.NATIVE_CLIENT_PROPERTY);
    assertThat(served.console()).isTrue();
    assertThat(served.args()).isEqualTo(native_.args());
    assertThat(Server.serves(served)).isTrue();
    // Another locale: unchanged, and so not served.
    env.put("LC_CTYPE", "C.UTF-8".equals(System.getenv("LC_CTYPE")) ? "POSIX" : "C.UTF-8");
    Protocol.Request other = new Protocol.Request(Protocol.VERSION, "/", env, List.of("lint", "x"), true, props);
    assertThat(Server.withNativeProperties(other)).isEqualTo(other);
    assertThat(Server.serves(other)).isFalse();
    // A JVM client's request is never touched.
    Protocol.Request jvm = new Protocol.Request(Protocol.VERSION, "/", env, List.of("lint", "x"), false, Map.of("file.encoding", "X"));
    assertThat(Server.withNativeProperties(jvm)).isSameAs(jvm);
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
  void coloursFollowItsTerminalAndNoColor() throws Exception {
    // A real terminal for the client: script(1) runs it on a pseudo-terminal.
    List<String> args = List.of("lint", "--no-shellcheck", "app/Dockerfile");
    Map<String, String> env = new HashMap<>(System.getenv());
    env.remove("NO_COLOR");
    env.put("TERM", "xterm");
    String command = String.join(" ", client(socket)) + " " + String.join(" ", args);
    String coloured = onTerminal(command, env);
    assertThat(coloured).contains("\u001b[");
    assertThat(coloured).isEqualTo(directOnTerminal(new byte[0], args, env).out());
    env.put("NO_COLOR", "1");
    assertThat(onTerminal(command, env)).doesNotContain("\u001b[").contains("ST3001");
  }

  /** What {@code command} prints on a pseudo-terminal (script(1)), with Unix line ends. */
  private String onTerminal(String command, Map<String, String> env) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder("script", "-qec", command, "/dev/null").directory(workdir.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new String(out, StandardCharsets.UTF_8).replace("\r\n", "\n");
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
