package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which history store a build uses, and what happens when it cannot be opened. */
class RecorderTest {
  @TempDir Path dir;

  @Test
  void theFlagWinsOverTheEnvironmentWhichWinsOverTheDefault() {
    HistoryOption o = new HistoryOption();
    Map<String, String> env = Map.of("HOME", "/home/u", "XDG_DATA_HOME", "/data");
    assertThat(o.location(env)).isEqualTo(new HistoryOption.Location("/data/stowage/history.db", false));
    assertThat(o.location(Map.of("HOME", "/home/u", "STOWAGE_HISTORY", "jdbc:sqlite:/x.db")))
        .isEqualTo(new HistoryOption.Location("jdbc:sqlite:/x.db", true));
    o.history = "/flag.db";
    assertThat(o.location(Map.of("STOWAGE_HISTORY", "/env.db"))).isEqualTo(new HistoryOption.Location("/flag.db", true));
  }

  @Test
  void anUnusableDefaultStoreIsAWarningAndAnUnusableChosenOneAnError() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
    StringWriter err = new StringWriter();
    HistoryOption o = new HistoryOption();
    try (Recorder r = Recorder.open(o, Map.of("XDG_DATA_HOME", file.toString()), new PrintWriter(err, true))) {
      assertThat(err.toString()).startsWith("stowage: warning: ").contains("cannot create the folder").contains("this run is not recorded");
    }
    o.history = file.resolve("stowage/history.db").toString();
    assertThatThrownBy(() -> Recorder.open(o, Map.of(), new PrintWriter(new StringWriter())))
        .isInstanceOf(EnvironmentException.class)
        .hasMessageContaining("cannot create the folder");
  }
}
