package dev.stowage.build;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs builds on an {@link Engine}, reading BuildKit's progress stream (rawjson where the client
 * has it, else plain) into a {@link BuildResult}. Thread-safe: each {@link #build} call starts its
 * own engine process, and {@link #cancel} may be called from any thread (a shutdown hook on
 * Ctrl-C).
 */
public final class Builder {
  private final Engine engine;
  private final Set<Process> running = ConcurrentHashMap.newKeySet();
  private volatile boolean cancelled;

  public Builder(Engine engine) {
    this.engine = engine;
  }

  public Engine engine() {
    return engine;
  }

  /**
   * Stops every build this builder runs, as Ctrl-C on the client would: the client gets SIGINT and
   * cancels the build on the engine; a client still running after {@code grace} is killed. Builds
   * started afterwards fail at once. Returns when the clients have exited.
   */
  public void cancel(java.time.Duration grace) {
    List<Process> clients;
    synchronized (running) { // a build either sees the flag or is in the snapshot
      cancelled = true;
      clients = List.copyOf(running);
    }
    for (Process p : clients) {
      try {
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid()))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start()
            .waitFor(5, TimeUnit.SECONDS);
      } catch (IOException e) {
        p.destroy(); // no kill(1): SIGTERM; the engine still cancels when the client's session ends
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    long deadline = System.nanoTime() + grace.toNanos();
    for (Process p : clients) {
      try {
        if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Runs one build to the end.
   *
   * @throws BuildFailedException when the build ran and failed (names the failing step)
   * @throws EngineUnavailableException when the engine went away or could not start the build
   * @throws InterruptedException when interrupted or {@link #cancel cancelled}; the engine process
   *     is stopped first
   */
  public BuildResult build(BuildRequest request, BuildListener listener)
      throws BuildFailedException, EngineUnavailableException, InterruptedException {
    Path iid;
    try {
      iid = Files.createTempFile("stowage-iid", ".txt");
    } catch (IOException e) {
      throw new EngineUnavailableException("cannot create a temporary file: " + e.getMessage());
    }
    List<String> cmd = new ArrayList<>(engine.buildCommand());
    cmd.add("--progress=" + engine.progress().flag());
    cmd.add("--iidfile=" + iid);
    request.dockerfile().ifPresent(f -> cmd.add("--file=" + f));
    for (String t : request.tags()) {
      cmd.add("--tag=" + t);
    }
    for (Map.Entry<String, String> a : request.buildArgs().entrySet()) {
      cmd.add("--build-arg=" + a.getKey() + "=" + a.getValue());
    }
    request.target().ifPresent(t -> cmd.add("--target=" + t));
    if (request.noCache()) {
      cmd.add("--no-cache");
    }
    request.network().ifPresent(n -> cmd.add("--network=" + n));
    cmd.addAll(request.extraArgs());
    cmd.add(request.context().toString());

    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(engine.environment());
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    ProgressStream parser = engine.progress() == Engine.Progress.RAWJSON ? new RawJsonProgressParser() : new ProgressParser();
    long start = System.nanoTime();
    Process p;
    synchronized (running) {
      if (cancelled) {
        throw new InterruptedException("the build was cancelled");
      }
      try {
        p = pb.start();
      } catch (IOException e) {
        throw new EngineUnavailableException("cannot run " + engine.client() + ": " + e.getMessage());
      }
      running.add(p);
    }
    List<String> plain = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        long at = (System.nanoTime() - start) / 1_000_000;
        if (!line.startsWith("#") && !line.startsWith("{")) {
          plain.add(line);
          if (plain.size() > 40) {
            plain.remove(0);
          }
        }
        parser.feed(line, at).forEach(listener::on);
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException();
        }
      }
      int code = p.waitFor();
      if (cancelled) {
        throw new InterruptedException("the build was cancelled");
      }
      long wall = (System.nanoTime() - start) / 1_000_000;
      Optional<String> id = readIid(iid);
      Optional<long[]> stats = id.flatMap(engine::imageStats);
      BuildResult result =
          new BuildResult(
              parser.vertices(), wall, id, stats.map(s -> s[0]), stats.map(s -> (int) s[1]));
      if (code != 0) {
        Optional<Vertex> failed =
            parser.vertices().stream().filter(v -> v.error().isPresent()).reduce((a, b) -> b);
        String all = String.join("\n", parser.tail());
        if (failed.isEmpty() && (isEngineGone(all) || !engine.answers())) {
          Optional<Vertex> at = parser.vertices().stream().filter(v -> v.isStep() && !v.done()).reduce((a, b) -> b);
          throw new EngineUnavailableException(
              "the engine went away during the build"
                  + at.map(v -> ", at " + v.name()).orElse("")
                  + " ("
                  + engine.environment().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock")
                  + "): "
                  + (lastLine(plain, all).contains(iid.toString())
                      ? "the client's stream ended before the image was made" // its --iidfile complaint
                      : lastLine(plain, all)));
        }
        String msg =
            failed
                .map(v -> "build failed at " + v.name() + ": " + v.error().orElse(""))
                .orElse("build failed: " + lastLine(plain, all));
        List<String> tail = failed.map(Vertex::log).filter(l -> !l.isEmpty()).orElse(parser.tail());
        throw new BuildFailedException(msg, failed, tail.subList(Math.max(0, tail.size() - 20), tail.size()), result);
      }
      return result;
    } catch (IOException e) {
      throw new EngineUnavailableException("lost the engine's output: " + e.getMessage());
    } catch (InterruptedException e) {
      p.destroy();
      p.waitFor();
      throw e;
    } finally {
      running.remove(p);
      if (p.isAlive()) {
        p.destroyForcibly();
      }
      try {
        Files.deleteIfExists(iid);
      } catch (IOException e) {
        // a leftover temp file is harmless
      }
    }
  }

  private static boolean isEngineGone(String text) {
    return text.contains("Cannot connect to the Docker daemon")
        || text.contains("error reading from server")
        || text.contains("connection reset")
        || text.strip().endsWith("unexpected EOF")
        || text.contains("transport is closing");
  }

  private static String lastLine(List<String> plain, String all) {
    if (!plain.isEmpty()) {
      return plain.get(plain.size() - 1);
    }
    String[] lines = all.split("\n");
    return lines.length == 0 ? "" : lines[lines.length - 1];
  }

  private static Optional<String> readIid(Path iid) {
    try {
      String s = Files.readString(iid).strip();
      return s.isEmpty() ? Optional.empty() : Optional.of(s);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
