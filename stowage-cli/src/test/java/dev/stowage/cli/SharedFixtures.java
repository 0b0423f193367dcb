package dev.stowage.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the shared test fixtures ({@code ../shared/fixtures}); fails when they are missing. */
final class SharedFixtures {
  private SharedFixtures() {}

  static Path root() {
    String prop = System.getProperty("stowage.shared");
    for (String candidate : new String[] {prop, "../shared", "../../shared"}) {
      if (candidate != null && Files.isDirectory(Path.of(candidate, "fixtures"))) {
        return Path.of(candidate, "fixtures").toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException("shared fixtures not found (set -Dstowage.shared=DIR)");
  }

  /** Every Dockerfile of the official-images corpus, templates and metadata excluded. */
  static List<Path> officialDockerfiles() {
    Path dir = root().resolve("dockerfiles/official");
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("missing fixture " + dir);
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !dir.relativize(p).startsWith("templates"))
          .filter(p -> !p.getFileName().toString().endsWith(".md"))
          .filter(p -> !p.getFileName().toString().endsWith(".tsv"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
