package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./stowage} launcher and the warm server (after {@code package}: it runs the built
 * jars): with {@code CI} set or {@code STOWAGE_SERVER=off} no server is ever started; otherwise the
 * first {@code lint}/{@code check}/{@code parse} starts one, later calls go through it with the
 * same output, and it stops by itself when idle, removing its socket.
 */
class LauncherServerIT {
  private static final Path LAUNCHER = Path.of("..", "stowage").toAbsolutePath().normalize();

  @TempDir Path tmp;

  private record Run(int code, String out, String err) {}

  private Run launch(Map<String, String> env, String... args) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(Stream.concat(Stream.of(LAUNCHER.toString()), Stream.of(args)).toList());
    pb.directory(tmp.toFile());
    pb.environment().remove("CI");
    pb.environment().remove("STOWAGE_SERVER");
    pb.environment().put("XDG_RUNTIME_DIR", tmp.resolve("run").toString());
    pb.environment().putAll(env);
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p = pb.start();
    CompletableFuture<byte[]> err =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return p.getErrorStream().readAllBytes();
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out, new String(err.get(), StandardCharsets.UTF_8));
  }

  private Path runDir() throws IOException {
    Path run = tmp.resolve("run");
    Files.createDirectories(run);
    return run;
  }

  private static List<Path> sockets(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".sock")).toList();
    }
  }

  @Test
  void ciAndServerOffNeverStartAServer() throws Exception {
    Files.writeString(tmp.resolve("Dockerfile"), "FROM alpine:3.20\n");
    Path run = runDir();
    for (Map<String, String> env : List.of(Map.of("CI", "1"), Map.of("STOWAGE_SERVER", "off"))) {
      Run r = launch(env, "parse", "--format", "text", "Dockerfile");
      assertThat(r.code()).as("%s %s", env, r.err()).isZero();
      assertThat(r.out()).contains("FROM alpine:3.20");
      Run lint = launch(env, "lint", "--no-shellcheck", "Dockerfile");
      assertThat(lint.code()).as("%s", env).isEqualTo(1);
      Thread.sleep(2000); // a server started in the background would have bound by now
      try (Stream<Path> s = Files.list(run)) {
        assertThat(s.toList()).as("%s", env).isEmpty();
      }
    }
  }

  @Test
  void theFirstRunStartsAServerThatLaterRunsUseAndThatStopsWhenIdle() throws Exception {
    Files.writeString(tmp.resolve("Dockerfile"), "FROM alpine:latest\nRUN apk add curl\n");
    Path run = runDir();
    Map<String, String> env = Map.of("STOWAGE_SERVER_IDLE", "5");
    // The launcher's once-per-build start-up cache message, out of the way.
    launch(Map.of("STOWAGE_SERVER", "off"), "parse", "Dockerfile");
    Run direct = launch(env, "lint", "--no-shellcheck", "--format", "json", "Dockerfile");
    assertThat(direct.code()).isEqualTo(1);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (sockets(run).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    List<Path> started = sockets(run);
    assertThat(started).hasSize(1);
    assertThat(Files.getPosixFilePermissions(started.get(0).getParent()))
        .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    Run served = launch(env, "lint", "--no-shellcheck", "--format", "json", "Dockerfile");
    assertThat(served).isEqualTo(direct);
    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!sockets(run).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(sockets(run)).as("the idle server removed its socket").isEmpty();
  }
}
