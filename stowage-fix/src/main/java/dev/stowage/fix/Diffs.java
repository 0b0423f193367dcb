package dev.stowage.fix;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;

/** Unified diffs between two versions of a text file, as {@code git diff} prints them. */
public final class Diffs {
  /** Marks a last line that has no line terminator, so that adding one shows as a change. */
  private static final String NO_NEWLINE = "\u0000no-newline";

  private static final int CONTEXT_LINES = 3;

  private Diffs() {}

  /**
   * The unified diff from {@code before} to {@code after} with {@code a/NAME} and {@code b/NAME}
   * headers and three lines of context; empty when the texts are equal. A last line without a
   * terminator is followed by {@code \ No newline at end of file}.
   */
  public static String unified(String name, String before, String after) {
    String path = name.replaceFirst("^(\\./|/)+", "");
    return unified("a/" + path, "b/" + path, before, after);
  }

  /**
   * The unified diff from {@code before} to {@code after} under the given header names (say
   * {@code /dev/null} for a new file); empty when the texts are equal.
   */
  public static String unified(String oldName, String newName, String before, String after) {
    if (before.equals(after)) {
      return "";
    }
    List<String> a = lines(before);
    List<String> b = lines(after);
    Patch<String> patch = DiffUtils.diff(a, b);
    List<String> out =
        UnifiedDiffUtils.generateUnifiedDiff(oldName, newName, a, patch, CONTEXT_LINES);
    StringBuilder sb = new StringBuilder();
    for (String raw : out) {
      String line = raw;
      // an empty side is range 0,0 in a unified diff (as diff and git print it), not 1,0
      if (line.startsWith("@@ ")) {
        line = a.isEmpty() ? line.replaceFirst("^@@ -1,0 ", "@@ -0,0 ") : line;
        line = b.isEmpty() ? line.replaceFirst(" \\+1,0 @@", " +0,0 @@") : line;
      }
      if (line.endsWith(NO_NEWLINE)) {
        sb.append(line, 0, line.length() - NO_NEWLINE.length())
            .append("\n\\ No newline at end of file\n");
      } else {
        sb.append(line).append('\n');
      }
    }
    return sb.toString();
  }

  /** The lines of {@code text} without their {@code \n}; a carriage return stays in its line. */
  private static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      out.add(text.substring(start, i));
      start = i + 1;
    }
    if (start < text.length()) {
      out.add(text.substring(start) + NO_NEWLINE);
    }
    return out;
  }
}
