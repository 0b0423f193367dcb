package dev.stowage.dockerfile.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Test helper that pulls the shell text of shell-form RUN instructions out of a Dockerfile the way
 * BuildKit hands it to the shell: continuations joined, comment lines inside them dropped, leading
 * {@code --mount=...}-style flags removed.
 */
final class DockerfileRuns {
  private DockerfileRuns() {}

  static List<String> of(String dockerfile) {
    List<String> runs = new ArrayList<>();
    String[] lines = dockerfile.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].stripLeading();
      if (!line.toUpperCase(Locale.ROOT).startsWith("RUN ")
          && !line.toUpperCase(Locale.ROOT).startsWith("RUN\t")) {
        continue;
      }
      StringBuilder text = new StringBuilder(line.substring(4));
      while (text.toString().stripTrailing().endsWith("\\") && i + 1 < lines.length) {
        String trimmed = text.toString().stripTrailing();
        text.setLength(0);
        text.append(trimmed, 0, trimmed.length() - 1);
        i++;
        while (i < lines.length
            && (lines[i].isBlank() || lines[i].stripLeading().startsWith("#"))
            && i + 1 < lines.length) {
          i++;
        }
        text.append(lines[i]);
      }
      String run = text.toString().strip();
      while (run.startsWith("--")) {
        int space = run.indexOf(' ');
        run = space < 0 ? "" : run.substring(space + 1).strip();
      }
      if (!run.startsWith("[") && !run.startsWith("<<")) {
        runs.add(run);
      }
    }
    return runs;
  }
}
