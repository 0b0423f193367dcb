package dev.stowage.dockerfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the shared test fixtures ({@code ../shared/fixtures}); fails when they are missing. */
final class Fixtures {
  private Fixtures() {}

  static Path root() {
    String prop = System.getProperty("stowage.shared");
    for (String candidate : new String[] {prop, "../shared", "../../shared", "../../../shared"}) {
      if (candidate != null && Files.isDirectory(Path.of(candidate, "fixtures"))) {
        return Path.of(candidate, "fixtures").toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException("shared fixtures not found (set -Dstowage.shared=DIR)");
  }

  static Path path(String relative) {
    Path p = root().resolve(relative);
    if (!Files.exists(p)) {
      throw new IllegalStateException("missing fixture " + p);
    }
    return p;
  }

  /** Every Dockerfile of the official-images corpus, templates excluded. */
  static List<Path> officialDockerfiles() {
    Path dir = path("dockerfiles/official");
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

  static List<Path> templates() {
    Path dir = path("dockerfiles/official/templates");
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
