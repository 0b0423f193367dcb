package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.build.Engine;
import dev.stowage.build.RealEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code docker-daemon:REF} streamed from the real engine writes nothing to the temporary folder,
 * and fails cleanly: an unknown image (exit 2), no engine (exit 3), {@code docker save} dying
 * mid-stream (exit 3, its own error, nothing left behind). The streamed results themselves are
 * checked against the archive of the same {@code docker save} in {@link ImageContentsIT}.
 */
class DaemonImageIT {
  private static final String IMAGE = "docker-daemon:" + RealEngine.BASE_IMAGE;

  @TempDir static Path dir;

  @BeforeAll
  static void engine() {
    RealEngine.engine(); // fails, never skips, without an engine; loads dive-test:latest
  }

  @ParameterizedTest
  @ValueSource(strings = {"image", "sbom", "secrets"})
  void unknownImageExitsWithTwoInOneLineNamingTheReference(String command) {
    Cli.Result r = Cli.run(command, "docker-daemon:stowage-no-such-image:never");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("stowage: docker-daemon:stowage-no-such-image:never: the engine has no such image");
  }

  @Test
  void diffNamesAMissingEngineImageInOneLine() {
    Cli.Result r = Cli.run("image", "diff", "docker-daemon:stowage-no-such-image:never", IMAGE);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("stowage: docker-daemon:stowage-no-such-image:never: the engine has no such image");
  }

  /** What a run of the CLI in its own JVM printed, and what it left in its own temporary folder. */
  private record Run(int exitCode, String out, String err, List<Path> leftInTmp) {}

  private static Run runJar(Map<String, String> env, String... args) throws Exception {
    Path jar = Path.of("target/stowage.jar").toAbsolutePath();
    assertThat(jar).exists();
    Path tmp = Files.createTempDirectory(dir, "tmp-");
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>(List.of(java, "-Djava.io.tmpdir=" + tmp, "-jar", jar.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(env);
    pb.environment().put("TMPDIR", tmp.toString());
    pb.redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
    Process p = pb.start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    List<Path> left;
    try (Stream<Path> s = Files.walk(tmp)) {
      left = s.filter(x -> !x.equals(tmp)).filter(x -> !x.getFileName().toString().startsWith("hsperfdata")).toList();
    }
    return new Run(p.exitValue(), Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")), left);
  }

  @Test
  void streamingWritesNothingToTheTemporaryFolder() throws Exception {
    Run r = runJar(Map.of(), "image", "--format", "json", IMAGE);
    assertThat(r.exitCode()).as(r.err()).isZero();
    String fixture = "docker-archive:" + SharedFixtures.root().resolve("images/dive/test-docker-image.tar");
    assertThat(ImageContentsIT.withoutSource(r.out()))
        .isEqualTo(ImageContentsIT.withoutSource(Cli.run("image", "--format", "json", fixture).out()));
    assertThat(r.leftInTmp()).isEmpty();
  }

  /** A client that runs the real one but cuts {@code docker save} short and fails, as a dying engine does. */
  private static Path failingClient(Engine engine) throws IOException {
    Path script = dir.resolve("docker-cut-short");
    Files.writeString(script, """
        #!/bin/sh
        if [ "$1" = save ]; then
          "%1$s" save "$2" | head -c 300000
          echo "Error response from daemon: the test cut the export short" >&2
          exit 1
        fi
        exec "%1$s" "$@"
        """.formatted(engine.client()));
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }

  @ParameterizedTest
  @ValueSource(strings = {"image", "sbom", "secrets"})
  void saveFailingMidStreamIsOneCleanErrorAndLeavesNoTemporaryFiles(String command) throws Exception {
    Engine engine = RealEngine.engine();
    Run r = runJar(Map.of("STOWAGE_DOCKER", failingClient(engine).toString()), command, IMAGE);
    assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
    assertThat(r.err().strip().lines()).singleElement().asString()
        .contains("docker save " + RealEngine.BASE_IMAGE + " failed: Error response from daemon: the test cut the export short")
        .doesNotContain("Exception");
    assertThat(r.out()).isEmpty();
    assertThat(r.leftInTmp()).isEmpty();
  }

  @Test
  void missingEngineExitsWithThreeNamingIt() throws Exception {
    Run r = runJar(Map.of("DOCKER_HOST", "unix:///nonexistent/stowage-it.sock"), "image", IMAGE);
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).contains("no BuildKit engine found at unix:///nonexistent/stowage-it.sock");
  }
}
