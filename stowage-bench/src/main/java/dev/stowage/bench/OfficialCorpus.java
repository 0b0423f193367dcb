package dev.stowage.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The official-images Dockerfiles the benchmarks run over (templates, README and manifest left
 * out), read into memory once. Immutable.
 */
record OfficialCorpus(List<Entry> files) {
  /** One Dockerfile: its path and its text. */
  record Entry(String name, String text) {}

  OfficialCorpus {
    files = List.copyOf(files);
  }

  /** Reads the corpus under {@code shared}/fixtures/dockerfiles/official. */
  static OfficialCorpus load(String shared) throws IOException {
    Path dir = Path.of(shared, "fixtures/dockerfiles/official");
    try (Stream<Path> s = Files.walk(dir)) {
      return new OfficialCorpus(
          s.filter(Files::isRegularFile)
              .filter(p -> !dir.relativize(p).startsWith("templates"))
              .filter(p -> !p.toString().endsWith(".md") && !p.toString().endsWith(".tsv"))
              .map(OfficialCorpus::read)
              .toList());
    }
  }

  long bytes() {
    return files.stream().mapToLong(f -> f.text().getBytes(StandardCharsets.UTF_8).length).sum();
  }

  private static Entry read(Path p) {
    try {
      return new Entry(p.toString(), Files.readString(p));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
