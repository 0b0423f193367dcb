package dev.stowage.cli;

import dev.stowage.build.history.HistoryException;
import dev.stowage.build.history.HistoryStore;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The shared {@code --history URL} option: where runs are recorded and read. The flag wins, then
 * {@code $STOWAGE_HISTORY}, then the default SQLite file ({@link HistoryStore#defaultLocation}).
 */
final class HistoryOption {
  /** The environment variable naming the store when {@code --history} is not given. */
  static final String ENV = "STOWAGE_HISTORY";

  @Option(
      names = "--history",
      paramLabel = "URL",
      description =
          "History store: jdbc:postgresql://HOST:PORT/DB?user=..., jdbc:sqlite:FILE or a file"
              + " (default: $STOWAGE_HISTORY, else $XDG_DATA_HOME/stowage/history.db).")
  @Nullable String history;

  /** The location chosen, and whether the user chose it (flag or environment). */
  record Location(String value, boolean explicit) {}

  Location location(Map<String, String> env) {
    if (history != null) {
      return new Location(history, true);
    }
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return new Location(fromEnv, true);
    }
    return new Location(HistoryStore.defaultLocation(env).toString(), false);
  }

  /**
   * Opens the store.
   *
   * @throws UserInputException when the location is a JDBC URL of another database
   * @throws EnvironmentException when it cannot be opened
   */
  HistoryStore open(Location at) throws UserInputException, EnvironmentException {
    try {
      return HistoryStore.open(at.value());
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--history: " + e.getMessage());
    } catch (HistoryException e) {
      throw new EnvironmentException(e.getMessage(), e);
    }
  }
}
