package dev.stowage.build.history;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Run records for tests. */
final class Runs {
  private Runs() {}

  static RunRecord run(String dockerfile, Optional<String> scenario, int minute, double seconds, double hitRate, long size, boolean success) {
    return new RunRecord(
        UUID.randomUUID().toString(),
        Instant.parse("2026-11-27T10:00:00Z").plusSeconds(60L * minute),
        "https://git.example/app.git",
        dockerfile,
        "sha256:" + "ab".repeat(32),
        ".",
        scenario.isPresent() ? "bench" : "build",
        scenario,
        Optional.of("0123456789abcdef0123456789abcdef01234567"),
        Optional.of("docker_buildkit 20.10.24"),
        seconds,
        8,
        (int) Math.round(hitRate * 8),
        hitRate,
        hitRate > 0 ? Optional.of(3.5) : Optional.empty(),
        success ? Optional.of(size) : Optional.empty(),
        success ? Optional.of(4) : Optional.empty(),
        success);
  }

  static RunRecord build(int minute, double seconds, double hitRate, long size) {
    return run("app/Dockerfile", Optional.empty(), minute, seconds, hitRate, size, true);
  }
}
