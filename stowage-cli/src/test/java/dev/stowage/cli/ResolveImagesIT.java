package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.build.RealEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --resolve-images}: base images' platforms from the real engine's image store. */
class ResolveImagesIT {
  @TempDir Path dir;

  @BeforeAll
  static void engine() {
    RealEngine.engine(); // fails, never skips, without an engine; loads dive-test:latest (linux/amd64)
  }

  @Test
  void reportsABaseImageOfAnotherPlatform() throws Exception {
    Path file = dir.resolve("Dockerfile");
    Files.writeString(
        file,
        "FROM --platform=linux/arm64 dive-test:latest AS arm\nFROM dive-test:latest\nCOPY --from=arm /bin/busybox /busybox\n");
    Cli.Result on = Cli.run("lint", "--resolve-images", "--format", "json", file.toString());
    List<JsonNode> found = new ArrayList<>();
    new ObjectMapper().readTree(on.out()).forEach(f -> {
      if (f.get("rule").asText().equals("InvalidBaseImagePlatform")) {
        found.add(f);
      }
    });
    assertThat(found).hasSize(1); // the amd64 stage matches
    assertThat(found.get(0).get("line").asInt()).isEqualTo(1);
    assertThat(found.get(0).get("message").asText()).contains("exists for linux/amd64, not for linux/arm64");

    Cli.Result off = Cli.run("lint", "--format", "json", file.toString());
    assertThat(off.out()).doesNotContain("InvalidBaseImagePlatform");

    Cli.Result check = Cli.run("check", "--resolve-images", "--format", "json", dir.toString());
    assertThat(check.out()).contains("InvalidBaseImagePlatform");
  }

  @Test
  void anImageTheEngineDoesNotHaveIsNotReported() throws Exception {
    Path file = dir.resolve("Dockerfile");
    Files.writeString(file, "FROM --platform=linux/arm64 stowage-absent/image:1\n");
    Cli.Result r = Cli.run("lint", "--resolve-images", "--format", "json", file.toString());
    assertThat(r.out()).doesNotContain("InvalidBaseImagePlatform");
  }
}
