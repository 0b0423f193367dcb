package dev.stowage.bench;

import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.lint.LintOptions;
import dev.stowage.lint.Linter;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse plus every built-in rule (no ShellCheck, no build context) over the official-images
 * corpus on one thread. Score: milliseconds per corpus pass; Dockerfiles per second = files / score.
 * Run with {@code java -jar stowage-bench/target/benchmarks.jar LintBenchmark -p shared=../shared}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LintBenchmark {
  @Param({"../shared"})
  public String shared;

  private List<String[]> corpus;
  private final Linter linter = Linter.builtIn();
  private final LintOptions options = LintOptions.defaults();

  @Setup(Level.Trial)
  public void load() throws IOException {
    Path dir = Path.of(shared, "fixtures/dockerfiles/official");
    try (Stream<Path> s = Files.walk(dir)) {
      corpus =
          s.filter(Files::isRegularFile)
              .filter(p -> !dir.relativize(p).startsWith("templates"))
              .filter(p -> !p.toString().endsWith(".md") && !p.toString().endsWith(".tsv"))
              .map(LintBenchmark::read)
              .toList();
    }
    System.out.printf("%ncorpus: %d files%n", corpus.size());
  }

  private static String[] read(Path p) {
    try {
      return new String[] {p.toString(), Files.readString(p)};
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Benchmark
  public void lint(Blackhole bh) {
    for (String[] f : corpus) {
      bh.consume(linter.lint(Dockerfile.parse(f[0], f[1]), options));
    }
  }
}
