package dev.stowage.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A BuildKit engine Stowage can drive: a docker client with buildx, a docker client with the
 * built-in BuildKit builder ({@code DOCKER_BUILDKIT=1}, clients before 23.0), each talking to a
 * reachable daemon. Immutable.
 *
 * @param kind how builds are started
 * @param client the docker client executable
 * @param clientVersion its version, e.g. {@code 20.10.24+dfsg1}
 * @param serverVersion the daemon's version
 * @param environment variables every engine command runs with ({@code DOCKER_BUILDKIT=1},
 *     {@code DOCKER_HOST} when set)
 * @param progress the progress stream builds are read with: {@code rawjson} where the client has
 *     it (buildx), else {@code plain}
 */
public record Engine(
    Kind kind, Path client, String clientVersion, String serverVersion, Map<String, String> environment, Progress progress) {
  public Engine {
    environment = Map.copyOf(environment);
  }

  /** BuildKit's progress output modes Stowage reads. */
  public enum Progress {
    /** {@code --progress=plain}: text lines, {@code #N ...} per vertex (every BuildKit client). */
    PLAIN,
    /** {@code --progress=rawjson}: one JSON {@code SolveStatus} per line (recent buildx). */
    RAWJSON;

    /** The {@code --progress} value. */
    public String flag() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** How this engine runs builds. */
  public enum Kind {
    /** {@code docker buildx build}. */
    BUILDX,
    /** {@code DOCKER_BUILDKIT=1 docker build} with the client's built-in BuildKit support. */
    DOCKER_BUILDKIT
  }

  /**
   * Finds an engine: every {@code docker} on {@code PATH} (and the usual system locations) is
   * asked for its version and whether it reaches a daemon; one with buildx, or an older client
   * with built-in BuildKit, wins.
   *
   * @throws EngineUnavailableException saying what was looked for and how to start an engine
   */
  public static Engine discover(Map<String, String> env) throws EngineUnavailableException {
    List<String> tried = new ArrayList<>();
    for (Path client : candidates(env)) {
      Map<String, String> runEnv = new LinkedHashMap<>();
      runEnv.put("DOCKER_BUILDKIT", "1");
      Optional.ofNullable(env.get("DOCKER_HOST")).ifPresent(h -> runEnv.put("DOCKER_HOST", h));
      Optional<String> versions =
          run(client, runEnv, "version", "--format", "{{.Client.Version}} {{.Server.Version}}");
      if (versions.isEmpty()) {
        tried.add(client + " (no daemon answered)");
        continue;
      }
      String[] v = versions.get().strip().split("\\s+", 2);
      String clientVersion = v[0];
      String serverVersion = v.length > 1 ? v[1] : "";
      if (serverVersion.isEmpty()) {
        tried.add(client + " (no daemon answered)");
        continue;
      }
      if (run(client, runEnv, "buildx", "version").isPresent()) {
        // Older buildx and the classic client know only auto, plain and tty: their help says so.
        Progress progress =
            run(client, runEnv, "buildx", "build", "--help").filter(h -> h.contains("rawjson")).isPresent()
                ? Progress.RAWJSON
                : Progress.PLAIN;
        return new Engine(Kind.BUILDX, client, clientVersion, serverVersion, runEnv, progress);
      }
      if (major(clientVersion) < 23) {
        return new Engine(Kind.DOCKER_BUILDKIT, client, clientVersion, serverVersion, runEnv, Progress.PLAIN);
      }
      tried.add(client + " " + clientVersion + " (no buildx, and too new for built-in BuildKit)");
    }
    String host = env.getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock");
    throw new EngineUnavailableException(
        "no BuildKit engine found at "
            + host
            + (tried.isEmpty() ? " (no docker client on PATH)" : ": tried " + String.join(", ", tried))
            + "; start one with: apt-get install -y docker.io && dockerd --bridge=none --iptables=false &");
  }

  private static int major(String version) {
    try {
      return Integer.parseInt(version.split("[.+-]", 2)[0]);
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }

  private static List<Path> candidates(Map<String, String> env) {
    Set<Path> out = new LinkedHashSet<>();
    Optional.ofNullable(env.get("STOWAGE_DOCKER")).map(Path::of).ifPresent(out::add);
    for (String dir : env.getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty()) {
        out.add(Path.of(dir, "docker"));
      }
    }
    out.add(Path.of("/usr/bin/docker"));
    out.add(Path.of("/usr/local/bin/docker"));
    List<Path> real = new ArrayList<>();
    Set<Path> seen = new LinkedHashSet<>();
    for (Path p : out) {
      if (Files.isExecutable(p)) {
        try {
          if (seen.add(p.toRealPath())) {
            real.add(p);
          }
        } catch (IOException e) {
          // unreadable: not a candidate
        }
      }
    }
    return real;
  }

  /** Runs {@code client args} and returns its stdout when it exits 0 within 20 seconds. */
  static Optional<String> run(Path client, Map<String, String> env, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(client.toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(false);
    pb.environment().putAll(env);
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    try {
      Process p = pb.start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      return p.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** Whether the daemon answers now (after a build failed without naming a step). */
  boolean answers() {
    return run(client, environment, "version", "--format", "{{.Server.Version}}").filter(v -> !v.isBlank()).isPresent();
  }

  /** The command line that starts a build with this engine (before the build's own flags). */
  List<String> buildCommand() {
    return kind == Kind.BUILDX
        ? List.of(client.toString(), "buildx", "build", "--load")
        : List.of(client.toString(), "build");
  }

  /**
   * Removes the image {@code id} when no tag names it (an intermediate image a measurement made);
   * a tagged image, or one a container uses, stays. BuildKit's build cache is kept either way, so
   * later builds still hit it.
   */
  public void removeIfUntagged(String id) {
    Optional<String> tags = run(client, environment, "image", "inspect", "--format", "{{len .RepoTags}}", id);
    if (tags.isPresent() && tags.get().strip().equals("0")) {
      run(client, environment, "image", "rm", id);
    }
  }

  /**
   * The platform ({@code os/arch[/variant]}) of a local image, empty when the engine does not have
   * it. Nothing is pulled.
   */
  public Optional<String> imagePlatform(String image) {
    return run(client, environment, "image", "inspect", "--format",
            "{{.Os}}/{{.Architecture}}{{if .Variant}}/{{.Variant}}{{end}}", image)
        .map(String::strip)
        .filter(p -> p.matches("[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?"));
  }

  /** Size in bytes and layer count of a local image. */
  public Optional<long[]> imageStats(String image) {
    return run(client, environment, "image", "inspect", "--format", "{{.Size}} {{len .RootFS.Layers}}", image)
        .map(String::strip)
        .map(s -> s.split("\\s+"))
        .filter(a -> a.length == 2)
        .map(a -> new long[] {Long.parseLong(a[0]), Long.parseLong(a[1])});
  }
}
