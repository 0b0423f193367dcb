package dev.stowage.cli;

import dev.stowage.build.Bench;
import dev.stowage.build.BuildMetrics;
import dev.stowage.build.Engine;
import dev.stowage.build.history.HistoryException;
import dev.stowage.build.history.HistoryStore;
import dev.stowage.build.history.Provenance;
import dev.stowage.build.history.RunRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Records the runs of one {@code build} or {@code bench} in the history store. The store is opened
 * before the first build, so that a store the user named and that cannot be reached stops the
 * command at once (exit 3); the default store failing, or a run failing to be recorded, is a
 * warning on standard error and leaves the exit code alone. Not thread-safe.
 */
final class Recorder implements AutoCloseable {
  private final Optional<HistoryStore> store;
  private final PrintWriter err;
  private final Map<Path, Optional<Provenance>> provenance = new HashMap<>();

  private Recorder(Optional<HistoryStore> store, PrintWriter err) {
    this.store = store;
    this.err = err;
  }

  /** A recorder that records nothing ({@code --no-history}). */
  static Recorder off(PrintWriter err) {
    return new Recorder(Optional.empty(), err);
  }

  static Recorder open(HistoryOption option, Map<String, String> env, PrintWriter err)
      throws UserInputException, EnvironmentException {
    HistoryOption.Location at = option.location(env);
    try {
      return new Recorder(Optional.of(option.open(at)), err);
    } catch (EnvironmentException e) {
      if (at.explicit()) {
        throw e;
      }
      err.println("stowage: warning: " + e.getMessage() + "; this run is not recorded (--history names another store)");
      err.flush();
      return off(err);
    }
  }

  /** Records one {@code stowage build}. */
  void build(Path context, Path dockerfile, Instant start, Engine engine, BuildMetrics m, boolean success) {
    record(context, dockerfile, "build", Optional.empty(), start, engine, m.wallSeconds(), m.cache().steps(), m.cache().cachedSteps(),
        m.cache().hitRate(), m.cache().savedSeconds(), m.sizeBytes(), m.layers(), success);
  }

  /** Records one measured bench build (they all succeeded: a failure ends the bench). */
  void bench(Path context, Path dockerfile, Bench.Scenario scenario, Engine engine, Bench.Run run) {
    Instant start = Instant.now().minusMillis(Math.round(run.wallSeconds() * 1000));
    record(context, dockerfile, "bench", Optional.of(scenario.label()), start, engine, run.wallSeconds(), run.steps(), run.cachedSteps(),
        run.hitRate(), Optional.empty(), run.sizeBytes(), run.layers(), true);
  }

  private void record(
      Path context, Path dockerfile, String command, Optional<String> scenario, Instant start, Engine engine, double seconds,
      int steps, int cached, double hitRate, Optional<Double> saved, Optional<Long> size, Optional<Integer> layers, boolean success) {
    if (store.isEmpty()) {
      return;
    }
    Optional<Provenance> p = provenance.computeIfAbsent(dockerfile, f -> provenance(context, f));
    if (p.isEmpty()) {
      return;
    }
    String engineName = engine.kind().name().toLowerCase(Locale.ROOT) + " " + engine.serverVersion();
    RunRecord r =
        new RunRecord(UUID.randomUUID().toString(), start, p.get().project(), p.get().dockerfile(), p.get().dockerfileDigest(),
            p.get().context(), command, scenario, p.get().gitCommit(), Optional.of(engineName), seconds, steps, cached, hitRate,
            saved, size, layers, success);
    try {
      store.get().record(r);
    } catch (HistoryException e) {
      warn(e.getMessage());
    }
  }

  private Optional<Provenance> provenance(Path context, Path dockerfile) {
    try {
      return Optional.of(Provenance.of(context, dockerfile));
    } catch (IOException e) {
      warn(dockerfile + ": cannot read the Dockerfile to record the run: " + e.getMessage());
      return Optional.empty();
    }
  }

  private void warn(String message) {
    err.println("stowage: warning: history: " + message + "; this run is not recorded");
    err.flush();
  }

  @Override
  public void close() {
    store.ifPresent(HistoryStore::close);
  }
}
