package dev.stowage.build.history;

import java.util.List;
import java.util.Map;

/**
 * The history schema as a versioned list of SQL scripts, applied in order. A store at version
 * {@code n} has had exactly the scripts {@code 1..n} applied, each recorded in {@code
 * schema_version}. Scripts are never edited once released: a change is a new script.
 *
 * <p>The SQL is written once for SQLite and PostgreSQL (both accept {@code BIGINT}, {@code DOUBLE
 * PRECISION}, {@code BOOLEAN} and {@code ALTER TABLE ... ADD COLUMN}); a script that needs
 * different text for one dialect gives it in {@link Migration#overrides}.
 */
public final class Migrations {
  private Migrations() {}

  /** The SQL dialects the store speaks. */
  public enum Dialect {
    SQLITE,
    POSTGRESQL
  }

  /**
   * One schema version.
   *
   * @param version 1-based, consecutive
   * @param description what it changes, stored in {@code schema_version}
   * @param statements the statements, for every dialect without an override
   * @param overrides the statements for a dialect that needs other SQL
   */
  public record Migration(
      int version, String description, List<String> statements, Map<Dialect, List<String>> overrides) {
    public Migration {
      statements = List.copyOf(statements);
      overrides = Map.copyOf(overrides);
    }

    /** The statements to run on {@code dialect}. */
    public List<String> statements(Dialect dialect) {
      return overrides.getOrDefault(dialect, statements);
    }
  }

  /** Creates the table that records the applied versions; run before any migration. */
  static final String SCHEMA_VERSION_TABLE =
      "CREATE TABLE IF NOT EXISTS schema_version ("
          + "version INTEGER NOT NULL PRIMARY KEY, "
          + "description TEXT NOT NULL, "
          + "applied_at BIGINT NOT NULL)";

  /** Every migration, in order. */
  public static final List<Migration> ALL =
      List.of(
          new Migration(
              1,
              "runs: one row per build or bench run",
              List.of(
                  """
                  CREATE TABLE runs (
                    id TEXT NOT NULL PRIMARY KEY,
                    started_at BIGINT NOT NULL,
                    project TEXT NOT NULL,
                    dockerfile TEXT NOT NULL,
                    dockerfile_digest TEXT NOT NULL,
                    context TEXT NOT NULL,
                    command TEXT NOT NULL,
                    scenario TEXT,
                    git_commit TEXT,
                    duration_seconds DOUBLE PRECISION NOT NULL,
                    steps INTEGER NOT NULL,
                    cached_steps INTEGER NOT NULL,
                    cache_hit_rate DOUBLE PRECISION NOT NULL,
                    saved_seconds DOUBLE PRECISION,
                    image_size_bytes BIGINT,
                    layers INTEGER,
                    success BOOLEAN NOT NULL
                  )"""),
              Map.of()),
          new Migration(
              2,
              "runs: engine column; index for per-Dockerfile trends",
              List.of(
                  "ALTER TABLE runs ADD COLUMN engine TEXT",
                  "CREATE INDEX runs_by_dockerfile ON runs (project, dockerfile, started_at)"),
              Map.of()));

  /** The newest schema version. */
  public static int latest() {
    return ALL.get(ALL.size() - 1).version();
  }
}
