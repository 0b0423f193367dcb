package dev.stowage.build.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite history store: round trips and migrations, on files in a temporary folder. */
class HistoryStoreTest {
  @TempDir Path dir;

  @Test
  void migratesAnEmptyFileToTheLatestSchemaAndRoundTripsRuns() throws Exception {
    Path file = dir.resolve("nested/folder/history.db");
    RunRecord a = Runs.build(0, 12.5, 0.25, 5_000_000);
    RunRecord b = Runs.run("other/Dockerfile", Optional.of("warm"), 1, 0.8, 1.0, 0, false);
    try (HistoryStore store = HistoryStore.open(file.toString())) {
      assertThat(store.schemaVersion()).isEqualTo(Migrations.latest()).isEqualTo(2);
      store.record(a);
      store.record(b);
    }
    try (HistoryStore store = HistoryStore.open("jdbc:sqlite:" + file)) {
      assertThat(store.runs(Optional.empty())).containsExactly(a, b);
      assertThat(store.runs(Optional.of("other/Dockerfile"))).containsExactly(b);
      assertThat(store.runs(Optional.of("nope"))).isEmpty();
    }
    assertThat(versions(file)).containsExactly(1, 2);
  }

  @Test
  void migratesAnOlderSchemaKeepingItsRuns() throws Exception {
    Path file = dir.resolve("old.db");
    try (HistoryStore v1 = HistoryStore.open(file.toString(), 1)) {
      assertThat(v1.schemaVersion()).isEqualTo(1);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      // A row as version 1 wrote it: no engine column yet.
      st.execute(
          "INSERT INTO runs (id, started_at, project, dockerfile, dockerfile_digest, context, command, scenario, git_commit,"
              + " duration_seconds, steps, cached_steps, cache_hit_rate, saved_seconds, image_size_bytes, layers, success)"
              + " VALUES ('r1', 1000, '/p', 'Dockerfile', 'sha256:00', '.', 'build', NULL, NULL, 4.5, 3, 1, 0.333, NULL, 2048, 2, 1)");
    }
    try (HistoryStore store = HistoryStore.open(file.toString())) {
      assertThat(store.schemaVersion()).isEqualTo(2);
      List<RunRecord> runs = store.runs(Optional.empty());
      assertThat(runs).singleElement().satisfies(r -> {
        assertThat(r.id()).isEqualTo("r1");
        assertThat(r.engine()).isEmpty();
        assertThat(r.sizeBytes()).contains(2048L);
        assertThat(r.savedSeconds()).isEmpty();
        assertThat(r.success()).isTrue();
      });
    }
    assertThat(versions(file)).containsExactly(1, 2);
  }

  @Test
  void refusesASchemaNewerThanItKnows() throws Exception {
    Path file = dir.resolve("new.db");
    try (HistoryStore store = HistoryStore.open(file.toString())) {
      assertThat(store.schemaVersion()).isEqualTo(2);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.execute("INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'from the future', 0)");
    }
    assertThatThrownBy(() -> HistoryStore.open(file.toString()))
        .isInstanceOf(HistoryException.class)
        .hasMessageContaining("schema is at version 99, newer than this Stowage knows (2)");
  }

  @Test
  void aFailedMigrationLeavesTheStoreAsItWas() throws Exception {
    Path file = dir.resolve("half.db");
    try (HistoryStore v1 = HistoryStore.open(file.toString(), 1)) {
      assertThat(v1.schemaVersion()).isEqualTo(1);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      // Version 2's index name is taken: its second statement fails after its first ran.
      st.execute("CREATE INDEX runs_by_dockerfile ON runs (id)");
    }
    assertThatThrownBy(() -> HistoryStore.open(file.toString())).isInstanceOf(HistoryException.class).hasMessageContaining("migrating the schema");
    assertThat(versions(file)).containsExactly(1);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM pragma_table_info('runs') WHERE name = 'engine'")) {
      rs.next();
      assertThat(rs.getInt(1)).as("version 2's ALTER TABLE rolled back").isZero();
    }
  }

  @Test
  void concurrentWritersOnAFreshFileMigrateOnceAndLoseNoRun() throws Exception {
    Path file = dir.resolve("shared.db");
    int writers = 4;
    int each = 25;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        done.add(pool.submit(() -> {
          try (HistoryStore store = HistoryStore.open(file.toString())) { // each its own connection, as separate processes
            for (int i = 0; i < each; i++) {
              store.record(Runs.build(i, 1, 1, 1));
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    try (HistoryStore store = HistoryStore.open(file.toString())) {
      assertThat(store.runs(Optional.empty())).hasSize(writers * each);
    }
    assertThat(versions(file)).containsExactly(1, 2);
  }

  @Test
  void otherJdbcUrlsAreRejected() {
    assertThatThrownBy(() -> HistoryStore.open("jdbc:mysql://127.0.0.1/x?password=secret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("password=***")
        .hasMessageNotContaining("secret");
  }

  @Test
  void theDefaultLocationFollowsXdg() {
    assertThat(HistoryStore.defaultLocation(Map.of("XDG_DATA_HOME", "/data", "HOME", "/home/u"))).isEqualTo(Path.of("/data/stowage/history.db"));
    assertThat(HistoryStore.defaultLocation(Map.of("HOME", "/home/u"))).isEqualTo(Path.of("/home/u/.local/share/stowage/history.db"));
    assertThat(HistoryStore.defaultLocation(Map.of("XDG_DATA_HOME", "relative", "HOME", "/home/u")))
        .as("a relative XDG_DATA_HOME is invalid and ignored, as the spec says")
        .isEqualTo(Path.of("/home/u/.local/share/stowage/history.db"));
  }

  static List<Integer> versions(Path file) throws Exception {
    List<Integer> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
      while (rs.next()) {
        out.add(rs.getInt(1));
      }
    }
    return out;
  }
}
