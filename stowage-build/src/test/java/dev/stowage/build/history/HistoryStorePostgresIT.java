package dev.stowage.build.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The history store on a real PostgreSQL server, named by {@code STOWAGE_TEST_POSTGRES_URL}
 * (scripts/test starts a throwaway cluster and sets it). Each test works in a schema of its own.
 * Without the URL it fails in CI ({@code CI=true}) and is skipped elsewhere.
 */
class HistoryStorePostgresIT {
  private String server;
  private String schema;

  @BeforeEach
  void schema() throws Exception {
    String url = System.getenv("STOWAGE_TEST_POSTGRES_URL");
    if ("true".equals(System.getenv("CI"))) {
      assertThat(url).as("STOWAGE_TEST_POSTGRES_URL (scripts/test starts PostgreSQL and sets it)").isNotBlank();
    }
    assumeTrue(url != null && !url.isBlank(), "STOWAGE_TEST_POSTGRES_URL is not set");
    server = url;
    schema = "stowage_it_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(server);
        Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA " + schema);
    }
  }

  @AfterEach
  void drop() throws Exception {
    if (schema != null) {
      try (Connection c = DriverManager.getConnection(server);
          Statement st = c.createStatement()) {
        st.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  private String url() {
    return server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  @Test
  void migratesAnEmptyDatabaseAndRoundTripsRuns() throws Exception {
    RunRecord a = Runs.build(0, 12.5, 0.25, 5_000_000_000L);
    RunRecord b = Runs.run("other/Dockerfile", Optional.of("cold"), 1, 30.25, 0, 0, false);
    try (HistoryStore store = HistoryStore.open(url())) {
      assertThat(store.dialect()).isEqualTo(Migrations.Dialect.POSTGRESQL);
      assertThat(store.schemaVersion()).isEqualTo(Migrations.latest());
      store.record(a);
      store.record(b);
    }
    try (HistoryStore store = HistoryStore.open(url())) {
      assertThat(store.runs(Optional.empty())).containsExactly(a, b);
      assertThat(store.runs(Optional.of("app/Dockerfile"))).containsExactly(a);
    }
  }

  @Test
  void migratesAnOlderSchemaKeepingItsRuns() throws Exception {
    try (HistoryStore v1 = HistoryStore.open(url(), 1)) {
      assertThat(v1.schemaVersion()).isEqualTo(1);
    }
    try (Connection c = DriverManager.getConnection(url());
        Statement st = c.createStatement()) {
      st.execute(
          "INSERT INTO runs (id, started_at, project, dockerfile, dockerfile_digest, context, command, scenario, git_commit,"
              + " duration_seconds, steps, cached_steps, cache_hit_rate, saved_seconds, image_size_bytes, layers, success)"
              + " VALUES ('r1', 1000, '/p', 'Dockerfile', 'sha256:00', '.', 'bench', 'warm', NULL, 4.5, 3, 3, 1.0, 2.0, NULL, NULL, FALSE)");
    }
    try (HistoryStore store = HistoryStore.open(url())) {
      assertThat(store.schemaVersion()).isEqualTo(2);
      assertThat(store.runs(Optional.empty())).singleElement().satisfies(r -> {
        assertThat(r.series()).isEqualTo("bench warm");
        assertThat(r.engine()).isEmpty();
        assertThat(r.savedSeconds()).contains(2.0);
        assertThat(r.sizeBytes()).isEmpty();
        assertThat(r.success()).isFalse();
      });
    }
  }

  @Test
  void anUnreachableServerIsAHistoryError() {
    assertThatThrownBy(() -> HistoryStore.open("jdbc:postgresql://127.0.0.1:1/none?user=x&password=hunter2"))
        .isInstanceOf(HistoryException.class)
        .hasMessageContaining("cannot open the history store")
        .hasMessageNotContaining("hunter2");
  }
}
