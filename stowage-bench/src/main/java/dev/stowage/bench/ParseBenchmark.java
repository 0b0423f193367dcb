package dev.stowage.bench;

import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.dockerfile.model.DockerfileModel;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
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
 * for the whole corpus; the corpus size printed at set-up turns it into MB/s. Run with {@code java -jar
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

  private OfficialCorpus corpus;

  @Setup(Level.Trial)
  public void load() throws IOException {
    corpus = OfficialCorpus.load(shared);
    System.out.printf("%ncorpus: %d files, %d bytes%n", corpus.files().size(), corpus.bytes());
  }

  @Benchmark
  public void parse(Blackhole bh) {
    for (OfficialCorpus.Entry f : corpus.files()) {
      bh.consume(Dockerfile.parse(f.name(), f.text()));
    }
  }

  @Benchmark
  public void parseAndModel(Blackhole bh) {
    for (OfficialCorpus.Entry f : corpus.files()) {
      bh.consume(DockerfileModel.of(Dockerfile.parse(f.name(), f.text())));
    }
  }
}
