package dev.stowage.build.history;

import dev.stowage.build.history.Migrations.Dialect;
import dev.stowage.build.history.Migrations.Migration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The build history in a SQLite file (the default: embedded, nothing to set up) or a PostgreSQL
 * database (for teams). Opening a store migrates its schema to {@link Migrations#latest()} in one
 * transaction. Not thread-safe: one store per thread; any number of processes may share one
 * database (SQLite waits up to 10 s for another writer).
 */
public final class HistoryStore implements AutoCloseable {
  private static final String COLUMNS =
      "id, started_at, project, dockerfile, dockerfile_digest, context, command, scenario, git_commit, engine,"
          + " duration_seconds, steps, cached_steps, cache_hit_rate, saved_seconds, image_size_bytes, layers, success";

  private final Connection connection;
  private final Dialect dialect;
  private final String location;

  private HistoryStore(Connection connection, Dialect dialect, String location) {
    this.connection = connection;
    this.dialect = dialect;
    this.location = location;
  }

  /**
   * The default store: {@code $XDG_DATA_HOME/stowage/history.db}, else {@code
   * $HOME/.local/share/stowage/history.db} (the XDG base directory default). Per user rather than
   * per project, so that recording a build never adds a file to its build context.
   */
  public static Path defaultLocation(Map<String, String> env) {
    String xdg = env.get("XDG_DATA_HOME");
    Path base =
        xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
            ? Path.of(xdg)
            : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".local", "share");
    return base.resolve("stowage").resolve("history.db");
  }

  /**
   * Opens and migrates a store.
   *
   * @param location {@code jdbc:postgresql://HOST:PORT/DB?user=...}, {@code jdbc:sqlite:FILE}, or
   *     a file path (SQLite; its folder is created)
   * @throws IllegalArgumentException when {@code location} is a JDBC URL of another database
   * @throws HistoryException when the database cannot be reached, read or migrated
   */
  public static HistoryStore open(String location) throws HistoryException {
    return open(location, Migrations.latest());
  }

  /** Opens a store migrated only up to {@code version} (tests of older schemas). */
  static HistoryStore open(String location, int version) throws HistoryException {
    Dialect dialect;
    String url;
    Properties props = new Properties();
    if (location.startsWith("jdbc:postgresql:")) {
      dialect = Dialect.POSTGRESQL;
      url = location;
      props.setProperty("connectTimeout", "10");
    } else if (location.startsWith("jdbc:")) {
      if (!location.startsWith("jdbc:sqlite:")) {
        throw new IllegalArgumentException(
            shown(location) + ": not a history store; expected jdbc:postgresql://..., jdbc:sqlite:FILE or a file path");
      }
      dialect = Dialect.SQLITE;
      url = location;
    } else {
      dialect = Dialect.SQLITE;
      url = "jdbc:sqlite:" + location;
    }
    if (dialect == Dialect.SQLITE) {
      createFolder(url.substring("jdbc:sqlite:".length()), location);
      // A writer takes the lock when its transaction starts, so migrations and inserts from
      // concurrent builds queue up instead of failing on upgrade.
      props.setProperty("transaction_mode", "IMMEDIATE");
      props.setProperty("busy_timeout", "10000");
    }
    Connection c;
    try {
      c = DriverManager.getConnection(url, props);
    } catch (SQLException e) {
      throw new HistoryException(shown(location) + ": cannot open the history store: " + e.getMessage(), e);
    }
    HistoryStore store = new HistoryStore(c, dialect, shown(location));
    try {
      store.migrate(version);
    } catch (HistoryException e) {
      store.close();
      throw e;
    }
    return store;
  }

  private static void createFolder(String file, String location) throws HistoryException {
    int q = file.indexOf('?');
    String path = q < 0 ? file : file.substring(0, q);
    if (path.isEmpty() || path.equals(":memory:") || path.startsWith("file:")) {
      return;
    }
    Path parent = Path.of(path).toAbsolutePath().getParent();
    try {
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new HistoryException(location + ": cannot create the folder " + parent + ": " + e, e);
    }
  }

  /** The location without a password, for messages. */
  static String shown(String location) {
    return location.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^/@:]+):[^/@]*@", "//$1:***@");
  }

  /** The store's location as given (a password masked). */
  public String location() {
    return location;
  }

  public Dialect dialect() {
    return dialect;
  }

  /** The schema version the store is at. */
  public int schemaVersion() throws HistoryException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw fail("reading the schema version", e);
    }
  }

  private void migrate(int upTo) throws HistoryException {
    try {
      connection.setAutoCommit(false);
      try (Statement st = connection.createStatement()) {
        st.execute(Migrations.SCHEMA_VERSION_TABLE);
        if (dialect == Dialect.POSTGRESQL) {
          // Two first runs on one database migrate one after the other.
          st.execute("LOCK TABLE schema_version IN EXCLUSIVE MODE");
        }
        int current;
        try (ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
          rs.next();
          current = rs.getInt(1);
        }
        if (current > Migrations.latest()) {
          connection.rollback();
          throw new HistoryException(
              location
                  + ": the history schema is at version "
                  + current
                  + ", newer than this Stowage knows ("
                  + Migrations.latest()
                  + "); use a newer Stowage");
        }
        for (Migration m : Migrations.ALL) {
          if (m.version() <= current || m.version() > upTo) {
            continue;
          }
          for (String sql : m.statements(dialect)) {
            st.execute(sql);
          }
          try (PreparedStatement ins =
              connection.prepareStatement("INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
            ins.setInt(1, m.version());
            ins.setString(2, m.description());
            ins.setLong(3, System.currentTimeMillis());
            ins.executeUpdate();
          }
        }
      }
      connection.commit();
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      try {
        connection.rollback();
      } catch (SQLException ignored) {
        // the migration's own failure is the one to report
      }
      throw fail("migrating the schema", e);
    }
  }

  /** Adds one run. */
  public void record(RunRecord r) throws HistoryException {
    String sql = "INSERT INTO runs (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      int i = 1;
      ps.setString(i++, r.id());
      ps.setLong(i++, r.time().toEpochMilli());
      ps.setString(i++, r.project());
      ps.setString(i++, r.dockerfile());
      ps.setString(i++, r.dockerfileDigest());
      ps.setString(i++, r.context());
      ps.setString(i++, r.command());
      setString(ps, i++, r.scenario());
      setString(ps, i++, r.gitCommit());
      setString(ps, i++, r.engine());
      ps.setDouble(i++, r.durationSeconds());
      ps.setInt(i++, r.steps());
      ps.setInt(i++, r.cachedSteps());
      ps.setDouble(i++, r.cacheHitRate());
      if (r.savedSeconds().isPresent()) {
        ps.setDouble(i++, r.savedSeconds().get());
      } else {
        ps.setNull(i++, Types.DOUBLE);
      }
      if (r.sizeBytes().isPresent()) {
        ps.setLong(i++, r.sizeBytes().get());
      } else {
        ps.setNull(i++, Types.BIGINT);
      }
      if (r.layers().isPresent()) {
        ps.setInt(i++, r.layers().get());
      } else {
        ps.setNull(i++, Types.INTEGER);
      }
      ps.setBoolean(i, r.success());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw fail("recording a run", e);
    }
  }

  private static void setString(PreparedStatement ps, int i, Optional<String> v) throws SQLException {
    if (v.isPresent()) {
      ps.setString(i, v.get());
    } else {
      ps.setNull(i, Types.VARCHAR);
    }
  }

  /**
   * The recorded runs, oldest first.
   *
   * @param dockerfile only the runs of this Dockerfile (as stored: relative to its git root)
   */
  public List<RunRecord> runs(Optional<String> dockerfile) throws HistoryException {
    String sql =
        "SELECT " + COLUMNS + " FROM runs" + (dockerfile.isPresent() ? " WHERE dockerfile = ?" : "") + " ORDER BY started_at, id";
    List<RunRecord> out = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      if (dockerfile.isPresent()) {
        ps.setString(1, dockerfile.get());
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new RunRecord(
                  rs.getString("id"),
                  Instant.ofEpochMilli(rs.getLong("started_at")),
                  rs.getString("project"),
                  rs.getString("dockerfile"),
                  rs.getString("dockerfile_digest"),
                  rs.getString("context"),
                  rs.getString("command"),
                  Optional.ofNullable(rs.getString("scenario")),
                  Optional.ofNullable(rs.getString("git_commit")),
                  Optional.ofNullable(rs.getString("engine")),
                  rs.getDouble("duration_seconds"),
                  rs.getInt("steps"),
                  rs.getInt("cached_steps"),
                  rs.getDouble("cache_hit_rate"),
                  optional(rs.getDouble("saved_seconds"), rs),
                  optional(rs.getLong("image_size_bytes"), rs),
                  optional(rs.getInt("layers"), rs),
                  rs.getBoolean("success")));
        }
      }
    } catch (SQLException e) {
      throw fail("reading runs", e);
    }
    return out;
  }

  /** {@code value} unless the column just read was NULL. */
  private static <T> Optional<T> optional(T value, ResultSet rs) throws SQLException {
    return rs.wasNull() ? Optional.empty() : Optional.of(value);
  }

  private HistoryException fail(String action, SQLException e) {
    return new HistoryException(location + ": " + action + ": " + e.getMessage(), e);
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // nothing left to do with a store that cannot close
    }
  }
}
