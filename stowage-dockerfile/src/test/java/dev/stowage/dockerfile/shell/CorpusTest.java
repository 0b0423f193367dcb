package dev.stowage.dockerfile.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CorpusTest {

  static Path official() {
    return Path.of(System.getProperty("stowage.shared", "../../shared"))
        .resolve("fixtures/dockerfiles/official");
  }

  static List<Path> dockerfiles() throws IOException {
    try (Stream<Path> files = Files.walk(official())) {
      return files
          .filter(p -> p.getFileName().toString().startsWith("Dockerfile"))
          .filter(p -> !p.toString().contains("/templates/"))
          .sorted()
          .toList();
    }
  }

  @Test
  void everyOfficialRunParsesWithoutErrors() throws IOException {
    List<Path> files = dockerfiles();
    assertThat(files).hasSizeGreaterThan(400);
    int runs = 0;
    List<String> failures = new ArrayList<>();
    for (Path file : files) {
      String text = Files.readString(file);
      if (text.contains("escape=`")
          || text.toLowerCase(java.util.Locale.ROOT).contains("powershell")) {
        continue; // Windows images use PowerShell, not a POSIX shell
      }
      for (String run : DockerfileRuns.of(text)) {
        runs++;
        ShellScript script = ShellScript.parse(run);
        if (!script.errors().isEmpty()) {
          failures.add(
              official().relativize(file)
                  + ": "
                  + script.errors()
                  + " in "
                  + run.substring(0, Math.min(run.length(), 300)));
        }
        for (Command c : script.commands()) {
          assertThat(c.offset()).isBetween(0, run.length());
          assertThat(c.endOffset()).isBetween(c.offset(), run.length());
        }
      }
    }
    assertThat(runs).isGreaterThan(1000);
    assertThat(failures).isEmpty();
  }
}
