package dev.stowage.image;

import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Word;
import dev.stowage.dockerfile.model.Base;
import dev.stowage.dockerfile.model.DockerfileModel;
import dev.stowage.dockerfile.model.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Ties an image's layers to the instructions that made them, and each {@link ImageReport.Waste} to
 * a sentence such as "RUN at Dockerfile line 12 adds 45.0 MB of /var/lib/apt/lists/ (120 files)
 * that RUN at line 14 deletes".
 *
 * <p>Each history entry's {@code created_by} is read as an instruction in any of the builders'
 * spellings (BuildKit's {@code RUN /bin/sh -c ... # buildkit}, the legacy builder's {@code /bin/sh
 * -c #(nop) COPY file:... in /dst} and plain {@code /bin/sh -c cmd}, kaniko's {@code RUN cmd}).
 * With a Dockerfile, the history is aligned with the instructions of the built stage (and the
 * stages it is built on) in order: a weighted longest common subsequence where the same keyword
 * scores 1 and the same command or destination 3, ties going to the latest entries, so that the
 * base image's history stays unmatched. Stateless.
 */
public final class Attribution {
  private static final Pattern SPACE = Pattern.compile("\\s+");
  private static final Pattern SHELL_C = Pattern.compile("^(?:/bin/|/usr/bin/)?(?:ba|a|da)?sh\\s+-c\\s+");
  private static final int SAME_TEXT = 3;
  private static final int SAME_KEYWORD = 1;

  private Attribution() {}

  /**
   * What made a layer: the instruction keyword and text (from the Dockerfile when matched, else
   * from the history), its Dockerfile lines (0 when unknown), the layer index, and whether it
   * belongs to the base image (history before the Dockerfile's first matched instruction).
   */
  public record Step(String keyword, String text, int line, int endLine, int layer, boolean base) {
    /** Whether the Dockerfile line is known. */
    public boolean hasLine() {
      return line > 0;
    }
  }

  /** A waste with the steps that added and removed it and the sentence that says so. */
  public record Attributed(ImageReport.Waste waste, Step addedBy, Step removedBy, String message) {}

  /** The step of each layer of {@code report}, in layer order. */
  public static List<Step> steps(ImageReport report, Optional<Dockerfile> dockerfile) {
    List<ImageReport.HistoryEntry> history = report.history();
    int[] match = dockerfile.map(df -> align(history, instructions(df))).orElse(null);
    List<Instruction> instructions = dockerfile.map(Attribution::instructions).orElse(List.of());
    int firstMatched = Integer.MAX_VALUE;
    if (match != null) {
      for (int h = 0; h < match.length; h++) {
        if (match[h] >= 0) {
          firstMatched = h;
          break;
        }
      }
    }
    List<Step> out = new ArrayList<>();
    for (ImageReport.Layer layer : report.layers()) {
      int h = layer.historyIndex();
      Parsed p = parse(layer.createdBy());
      if (match != null && h >= 0 && h < match.length && match[h] >= 0) {
        Instruction ins = instructions.get(match[h]);
        out.add(new Step(ins.name(), text(ins).orElse(p.text), ins.line(), ins.endLine(), layer.index(), false));
      } else {
        boolean base = match != null && (h < 0 ? layer.index() == 0 : h < firstMatched);
        out.add(new Step(p.keyword, p.text, 0, 0, layer.index(), base));
      }
    }
    return out;
  }

  /** Every waste of {@code report}, largest first, with its steps and sentence. */
  public static List<Attributed> attribute(ImageReport report, Optional<Dockerfile> dockerfile) {
    List<Step> steps = steps(report, dockerfile);
    List<Attributed> out = new ArrayList<>();
    for (ImageReport.Waste w : report.wastes()) {
      Step added = steps.get(w.addedBy());
      Step removed = steps.get(w.removedBy());
      String what = w.files() == 1 ? w.path() : w.path() + " (" + w.files() + " files)";
      String message = describe(added, true) + " adds " + human(w.bytes()) + " of " + what + " that "
          + describe(removed, !added.hasLine()) + (w.overwritten() ? " overwrites" : " deletes");
      out.add(new Attributed(w, added, removed, message));
    }
    return out;
  }

  private static String describe(Step s, boolean first) {
    if (s.hasLine()) {
      return s.keyword() + " at " + (first ? "Dockerfile line " : "line ") + s.line();
    }
    String text = s.text().length() > 48 ? s.text().substring(0, 47) + "…" : s.text();
    String what = (s.keyword() + " " + text).strip();
    return (s.base() ? "the base image's " : "") + "layer " + s.layer() + " (" + what + ")";
  }

  /** Decimal units as dive prints them. */
  static String human(long bytes) {
    if (bytes < 1000) {
      return bytes + " B";
    }
    String[] units = {"kB", "MB", "GB", "TB"};
    double v = bytes;
    int u = -1;
    while (v >= 1000 && u < units.length - 1) {
      v /= 1000;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  /** A history entry read as an instruction. */
  record Parsed(String keyword, String text) {}

  static Parsed parse(String createdBy) {
    String c = createdBy.strip();
    if (c.endsWith("# buildkit")) {
      c = c.substring(0, c.length() - "# buildkit".length()).strip();
    }
    if (c.startsWith("/bin/sh -c #(nop)")) {
      String rest = c.substring("/bin/sh -c #(nop)".length()).strip();
      int sp = rest.indexOf(' ');
      String keyword = (sp < 0 ? rest : rest.substring(0, sp)).toUpperCase(Locale.ROOT);
      return new Parsed(keyword, sp < 0 ? "" : rest.substring(sp + 1).strip());
    }
    int sp = c.indexOf(' ');
    String first = sp < 0 ? c : c.substring(0, sp);
    if (Instruction.KEYWORDS.contains(first.toUpperCase(Locale.ROOT)) && !first.equals(first.toLowerCase(Locale.ROOT))) {
      String rest = sp < 0 ? "" : c.substring(sp + 1).strip();
      String keyword = first.toUpperCase(Locale.ROOT);
      return new Parsed(keyword, keyword.equals("RUN") ? runText(rest) : rest);
    }
    return new Parsed("RUN", runText(c));
  }

  /** A RUN's command without the build-argument prefix ({@code |2 A=1 B=2}) and {@code sh -c}. */
  private static String runText(String text) {
    String t = text.strip();
    if (t.startsWith("|")) {
      int sp = t.indexOf(' ');
      int n;
      try {
        n = Integer.parseInt(t.substring(1, sp < 0 ? t.length() : sp));
      } catch (NumberFormatException e) {
        n = 0;
      }
      t = sp < 0 ? "" : t.substring(sp + 1);
      for (int k = 0; k < n; k++) {
        int next = t.indexOf(' ');
        t = next < 0 ? "" : t.substring(next + 1);
      }
    }
    return SHELL_C.matcher(t.strip()).replaceFirst("");
  }

  /** The instructions whose history the built image carries: the target stage and its bases. */
  static List<Instruction> instructions(Dockerfile df) {
    DockerfileModel model = DockerfileModel.of(df);
    Optional<Stage> stage = model.target().or(model::finalStage);
    List<List<Instruction>> chain = new ArrayList<>();
    int guard = 0;
    while (stage.isPresent() && guard++ <= model.stages().size()) {
      Stage s = stage.get();
      chain.add(0, s.instructions());
      stage = s.base() instanceof Base.StageBase sb ? Optional.of(model.stages().get(sb.stage())) : Optional.empty();
    }
    List<Instruction> out = new ArrayList<>();
    for (List<Instruction> part : chain) {
      for (Instruction i : part) {
        if (!(i instanceof Instruction.From)) {
          out.add(i);
        }
      }
    }
    return out;
  }

  /** For each history entry, the index of its instruction, or -1. */
  static int[] align(List<ImageReport.HistoryEntry> history, List<Instruction> instructions) {
    int n = history.size();
    int m = instructions.size();
    List<Parsed> parsed = new ArrayList<>();
    for (ImageReport.HistoryEntry h : history) {
      parsed.add(parse(h.createdBy()));
    }
    int[][] score = new int[n + 1][m + 1];
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= m; j++) {
        int best = Math.max(score[i - 1][j], score[i][j - 1]);
        int s = score(parsed.get(i - 1), instructions.get(j - 1));
        if (s > 0) {
          best = Math.max(best, score[i - 1][j - 1] + s);
        }
        score[i][j] = best;
      }
    }
    int[] match = new int[n];
    java.util.Arrays.fill(match, -1);
    int i = n;
    int j = m;
    while (i > 0 && j > 0) {
      int s = score(parsed.get(i - 1), instructions.get(j - 1));
      if (s > 0 && score[i][j] == score[i - 1][j - 1] + s) {
        match[i - 1] = j - 1;
        i--;
        j--;
      } else if (score[i][j] == score[i][j - 1]) {
        j--;
      } else {
        i--;
      }
    }
    return match;
  }

  private static int score(Parsed h, Instruction ins) {
    if (!h.keyword.equals(ins.name())) {
      return 0;
    }
    Optional<String> text = text(ins);
    if (text.isEmpty()) {
      return SAME_KEYWORD;
    }
    if (ins instanceof Instruction.FileTransfer) {
      return destination(h.text).equals(destination(text.get())) ? SAME_TEXT : SAME_KEYWORD;
    }
    return normal(h.text).equals(normal(text.get())) ? SAME_TEXT : SAME_KEYWORD;
  }

  /** The instruction's text as the history would show it: a RUN's command, else its arguments. */
  private static Optional<String> text(Instruction ins) {
    if (ins instanceof Instruction.Run run) {
      if (run.isExecForm()) {
        return Optional.of(String.join(" ", run.execArgs()));
      }
      return run.shellCommand();
    }
    List<Word> args = ins.args();
    if (args.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(String.join(" ", args.stream().map(Word::value).toList()));
  }

  /** The last word (a COPY or ADD destination; the legacy builder's "file:... in /dst" too). */
  private static String destination(String text) {
    String t = normal(text);
    int sp = t.lastIndexOf(' ');
    String last = sp < 0 ? t : t.substring(sp + 1);
    while (last.length() > 1 && last.endsWith("/")) {
      last = last.substring(0, last.length() - 1);
    }
    return last;
  }

  private static String normal(String s) {
    return SPACE.matcher(s.strip()).replaceAll(" ");
  }
}
