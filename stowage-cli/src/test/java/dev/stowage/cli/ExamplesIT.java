package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.build.Engine;
import dev.stowage.build.RealEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Builds both Dockerfiles of every project under examples/ with the real engine, on the local base
 * images of scripts/base-images (created here when missing), and checks what the optimized
 * Dockerfile promises: a smaller image, a non-root user, a service that starts, and a source change
 * that leaves the dependency step cached.
 */
class ExamplesIT {
  /**
   * One example.
   *
   * @param name its folder under examples/
   * @param network the network its builds need: host where dependencies are downloaded
   * @param install a part of the optimized Dockerfile's dependency step
   * @param compile a part of the first step after the source is copied, which a source change re-runs
   */
  record Example(String name, String network, String install, String compile) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Example> examples() {
    return Stream.of(
        new Example("go", "none", "go mod download", "go build"),
        new Example("python", "none", "pip --python /opt/venv/bin/python install", "COPY splitter ./splitter"),
        new Example("node", "host", "npm ci --omit=dev", "COPY src ./src"),
        new Example("java", "host", "dependency:go-offline", "-DskipTests package"),
        new Example("rust", "none", "cargo clean --release --locked -p linecount", "COPY src ./src"),
        new Example("gradle", "host", "-q dependencies", "-q jar"));
  }

  private static Path examplesRoot;
  private static Engine engine;
  private final List<String> images = new ArrayList<>();
  private final List<Path> copies = new ArrayList<>();

  @BeforeAll
  static void baseImages() throws Exception {
    engine = RealEngine.engine(); // fails, never skips, without an engine
    Path root = Path.of("").toAbsolutePath();
    while (root != null && !Files.isRegularFile(root.resolve("scripts/base-images"))) {
      root = root.getParent();
    }
    assertThat(root).as("the checkout root (with scripts/base-images) above the working folder").isNotNull();
    examplesRoot = root.resolve("examples");
    // Creates only the missing images: well under a second when all exist.
    Run r = run(List.of("bash", root.resolve("scripts/base-images").toString()), 3600);
    assertThat(r.code()).as("scripts/base-images: " + r.output()).isZero();
  }

  @AfterEach
  void cleanUp() throws Exception {
    for (String image : images) {
      docker("rmi", "--force", image);
    }
    for (Path copy : copies) {
      try (Stream<Path> walk = Files.walk(copy)) {
        for (Path p : walk.sorted((x, y) -> y.getNameCount() - x.getNameCount()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  @ParameterizedTest(name = "examples/{0}")
  @MethodSource("examples")
  void theOptimizedDockerfileBuildsASmallerNonRootImageThatStartsAndKeepsDependenciesCached(Example ex) throws Exception {
    Path dir = examplesRoot.resolve(ex.name());
    String tag = "stowage-it/example-" + ex.name() + "-" + UUID.randomUUID().toString().substring(0, 8);

    JsonNode naive = build(ex, dir, "Dockerfile.naive", tag + "-naive");
    JsonNode optimized = build(ex, dir, "Dockerfile", tag + "-optimized");
    assertThat(optimized.at("/image/sizeBytes").asLong())
        .as("optimized image size vs naive")
        .isPositive()
        .isLessThan(naive.at("/image/sizeBytes").asLong());

    assertThat(docker("image", "inspect", "--format", "{{.Config.User}}", tag + "-naive").output().strip()).isEmpty();
    String user = docker("image", "inspect", "--format", "{{.Config.User}}", tag + "-optimized").output().strip();
    assertThat(user).isNotEmpty().doesNotMatch("(root|0)(:.*)?");

    assertStarts(tag + "-optimized");

    // A bench of the source-only change: the steps up to the dependency install stay cached.
    Cli.Result bench = Cli.run("bench", "--format", "json", "--scenarios", "src", "--repeat", "1", "--network", ex.network(), dir.toString());
    removeUntaggedLike(tag + "-optimized");
    assertThat(bench.exitCode()).as(bench.err()).isZero();
    JsonNode src = new ObjectMapper().readTree(bench.out()).at("/scenarios/0/a");
    assertThat(src.get("changedFile").asText()).doesNotContain("requirements", "package", "pom.xml", "go.mod", "Cargo", ".gradle");
    assertThat(src.get("cachedSteps").asInt()).isBetween(3, src.get("steps").asInt() - 1);

    // The same change, step by step: the dependency step cached, the compile or copy step not.
    Path copy = copyOf(dir);
    Path changed = copy.resolve(src.get("changedFile").asText());
    Files.writeString(changed, Files.readString(changed) + "\n" + (changed.toString().endsWith(".py") ? "# " : "// ") + UUID.randomUUID() + "\n");
    JsonNode rebuilt = build(ex, copy, "Dockerfile", tag + "-changed");
    assertThat(step(rebuilt, ex.install()).get("cached").asBoolean()).as("dependency step cached").isTrue();
    assertThat(step(rebuilt, ex.compile()).get("cached").asBoolean()).as("step after the source copy re-run").isFalse();
  }

  /**
   * Removes the untagged images the bench left (it builds without a tag): those whose config is
   * the optimized image's own, which only this example's Dockerfile produces.
   */
  private static void removeUntaggedLike(String image) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode config = mapper.readTree(docker("image", "inspect", "--format", "{{json .Config}}", image).output());
    List<String> dangling = docker("images", "--filter", "dangling=true", "--quiet", "--no-trunc").output().lines().toList();
    if (dangling.isEmpty()) {
      return;
    }
    List<String> inspect = new ArrayList<>(List.of("image", "inspect", "--format", "{{.Id}} {{json .Config}}"));
    inspect.addAll(dangling);
    for (String line : docker(inspect.toArray(String[]::new)).output().lines().toList()) {
      int space = line.indexOf(' ');
      if (line.startsWith("sha256:") && space > 0 && mapper.readTree(line.substring(space + 1)).equals(config)) { // key order varies
        docker("rmi", line.substring(0, space));
      }
    }
  }

  private JsonNode build(Example ex, Path dir, String dockerfile, String tag) throws Exception {
    images.add(tag);
    Cli.Result r =
        Cli.run("build", "--format", "json", "--network", ex.network(), "-f", dir.resolve(dockerfile).toString(), "-t", tag, dir.toString());
    assertThat(r.exitCode()).as(ex.name() + "/" + dockerfile + ": " + r.err()).isZero();
    return new ObjectMapper().readTree(r.out());
  }

  private static JsonNode step(JsonNode build, String part) {
    for (JsonNode s : build.get("steps")) {
      if (s.get("instruction").asText().contains(part)) {
        return s;
      }
    }
    throw new AssertionError("no step containing '" + part + "' in " + build.get("steps"));
  }

  /** Runs the image without a network and waits for the service to say it listens. */
  private static void assertStarts(String image) throws Exception {
    ExamplesFixProofIT.assertStarts(engine, image);
  }

  private Path copyOf(Path dir) throws IOException {
    Path copy = Files.createTempDirectory("stowage-example");
    copies.add(copy);
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.toList()) {
        Path to = copy.resolve(dir.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return copy;
  }

  record Run(int code, String output) {}

  private static Run docker(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(engine.client().toString()));
    cmd.addAll(List.of(args));
    return run(cmd, 120);
  }

  private static Run run(List<String> cmd, long seconds) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    if (engine != null) {
      pb.environment().putAll(engine.environment());
    }
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(cmd + " did not finish within " + seconds + " s");
    }
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
