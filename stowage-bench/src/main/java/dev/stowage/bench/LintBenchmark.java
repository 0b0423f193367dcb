package dev.stowage.bench;

import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.lint.LintOptions;
import dev.stowage.lint.Linter;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
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

  private OfficialCorpus corpus;
  private final Linter linter = Linter.builtIn();
  private final LintOptions options = LintOptions.defaults();

  @Setup(Level.Trial)
  public void load() throws IOException {
    corpus = OfficialCorpus.load(shared);
    System.out.printf("%ncorpus: %d files%n", corpus.files().size());
  }

  @Benchmark
  public void lint(Blackhole bh) {
    for (OfficialCorpus.Entry f : corpus.files()) {
      bh.consume(linter.lint(Dockerfile.parse(f.name(), f.text()), options));
    }
  }
}
