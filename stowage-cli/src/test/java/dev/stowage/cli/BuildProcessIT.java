package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.build.RealEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stowage build} as a real process on the real engine: Ctrl-C stops the build, and the engine
 * going away mid-build exits 3. A step runs {@code sleep 60; echo MARKER}: while it runs, a shell
 * whose command line holds the marker is a process of this machine (the engine runs here), so "no
 * build is left running" means no such process.
 */
class BuildProcessIT {
  @TempDir Path dir;

  @BeforeAll
  static void engine() {
    RealEngine.engine(); // fails, never skips, without an engine; loads the base image
  }

  private String project() throws IOException {
    String marker = "stowage-it-" + UUID.randomUUID();
    Files.writeString(dir.resolve("Dockerfile"), "FROM dive-test:latest\nRUN sleep 60; echo " + marker + "\n");
    return marker;
  }

  private Process start(Map<String, String> env) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb =
        new ProcessBuilder(
            java, "-cp", System.getProperty("java.class.path"), "dev.stowage.cli.Main", "build", "--no-cache", "--network", "none",
            "--no-history", dir.toString());
    pb.environment().putAll(env);
    pb.redirectOutput(dir.resolve("out.txt").toFile());
    pb.redirectError(dir.resolve("err.txt").toFile());
    return pb.start();
  }

  private String err() throws IOException {
    return Files.readString(dir.resolve("err.txt"));
  }

  /** Whether a process whose command line contains {@code marker} runs on this machine. */
  private static boolean running(String marker) {
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).anyMatch(p -> {
        try {
          return new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).contains(marker);
        } catch (IOException e) {
          return false; // exited meanwhile
        }
      });
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static void await(String what, Duration timeout, java.util.function.BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out after " + timeout + " waiting until " + what);
      }
      Thread.sleep(100);
    }
  }

  @Test
  void ctrlCStopsTheBuildAndExits130() throws Exception {
    String marker = project();
    Process p = start(Map.of());
    try {
      await("the sleep step runs", Duration.ofSeconds(60), () -> running(marker) || !p.isAlive());
      assertThat(p.isAlive()).as("stowage still running; stderr: %s", err()).isTrue();
      List<ProcessHandle> children = new ArrayList<>(p.descendants().toList());
      assertThat(children).as("the docker client").isNotEmpty();
      long sent = System.nanoTime();
      new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
      assertThat(p.waitFor(15, TimeUnit.SECONDS)).as("exited within 15 s").isTrue();
      Duration took = Duration.ofNanos(System.nanoTime() - sent);
      assertThat(p.exitValue()).as(err()).isEqualTo(130);
      assertThat(err()).contains("stowage: interrupted: the build was stopped");
      assertThat(children).noneMatch(ProcessHandle::isAlive);
      await("the sleep step is gone", Duration.ofSeconds(10), () -> !running(marker));
      System.out.println("Ctrl-C to exit: " + took.toMillis() + " ms");
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void theEngineGoingAwayMidBuildExitsThree() throws Exception {
    String marker = project();
    String host = System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock");
    assertThat(host).as("the engine listens on a Unix socket").startsWith("unix://");
    Process p;
    try (SocketProxy proxy = new SocketProxy(dir.resolve("engine.sock"), Path.of(host.substring("unix://".length())))) {
      p = start(Map.of("DOCKER_HOST", proxy.dockerHost()));
      await("the sleep step runs", Duration.ofSeconds(60), () -> running(marker) || !p.isAlive());
      assertThat(p.isAlive()).as("stowage still running; stderr: %s", err()).isTrue();
    } // the engine goes away
    try {
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("exited within 30 s").isTrue();
      assertThat(p.exitValue()).as(err()).isEqualTo(3);
      assertThat(err())
          .contains("stowage: the engine went away during the build, at [2/2] RUN sleep 60; echo " + marker + " (unix://")
          .contains("): the client's stream ended before the image was made")
          .doesNotContain("Exception");
      await("the engine cancelled the orphaned build", Duration.ofSeconds(15), () -> !running(marker));
    } finally {
      p.destroyForcibly();
    }
  }
}
