package dev.stowage.bench;

import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.dockerfile.model.DockerfileModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse plus semantic model over the official-images corpus, on one thread. The score is the time
 * for the whole corpus; {@link #corpusBytes} turns it into MB/s. Run with {@code java -jar
 * stowage-bench/target/benchmarks.jar ParseBenchmark -p shared=../shared}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParseBenchmark {
  @org.openjdk.jmh.annotations.Param({"../shared"})
  public String shared;

  private List<String[]> corpus;
  private long corpusBytes;

  @Setup(Level.Trial)
  public void load() throws IOException {
    Path dir = Path.of(shared, "fixtures/dockerfiles/official");
    try (Stream<Path> s = Files.walk(dir)) {
      corpus =
          s.filter(Files::isRegularFile)
              .filter(p -> !dir.relativize(p).startsWith("templates"))
              .filter(p -> !p.toString().endsWith(".md") && !p.toString().endsWith(".tsv"))
              .map(ParseBenchmark::read)
              .toList();
    }
    corpusBytes = corpus.stream().mapToLong(f -> f[1].getBytes(java.nio.charset.StandardCharsets.UTF_8).length).sum();
    System.out.printf("%ncorpus: %d files, %d bytes%n", corpus.size(), corpusBytes);
  }

  private static String[] read(Path p) {
    try {
      return new String[] {p.toString(), Files.readString(p)};
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Benchmark
  public void parse(Blackhole bh) {
    for (String[] f : corpus) {
      bh.consume(Dockerfile.parse(f[0], f[1]));
    }
  }

  @Benchmark
  public void parseAndModel(Blackhole bh) {
    for (String[] f : corpus) {
      bh.consume(DockerfileModel.of(Dockerfile.parse(f[0], f[1])));
    }
  }
}
