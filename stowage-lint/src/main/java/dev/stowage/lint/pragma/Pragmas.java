package dev.stowage.lint.pragma;

import dev.stowage.dockerfile.Directives;
import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.InstructionNode;
import dev.stowage.dockerfile.Position;
import dev.stowage.dockerfile.Token;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pragmas and check settings of one Dockerfile, found in its comment and directive tokens.
 * Immutable.
 *
 * <ul>
 *   <li>{@code # hadolint ignore=A,B} or {@code # stowage ignore=A,B} in the comment lines directly
 *       above an instruction (or inside a continued one) silence those rules on that instruction.
 *   <li>{@code # hadolint stage ignore=A} silences them from the next instruction to the end of its
 *       stage (written above a FROM: the whole stage).
 *   <li>{@code # hadolint global ignore=A} anywhere silences them in the whole file.
 *   <li>{@code # hadolint shell=powershell} sets the shell from there on (before the first FROM:
 *       for every stage); see {@link EffectiveShells}.
 *   <li>BuildKit's {@code # check=skip=A,B;error=true} directive skips checks ({@code skip=all}:
 *       all BuildKit checks) and makes check findings errors; the same text as an ordinary comment
 *       directly above an instruction skips those checks on that instruction only.
 * </ul>
 *
 * Names are compared case-insensitively; a trailing {@code # comment} after a list is allowed.
 */
public final class Pragmas {
  private static final Pattern IGNORE =
      Pattern.compile(
          "#[ \\t]*(?:hadolint|stowage)[ \\t]+(?:(global|stage)[ \\t]+)?ignore[ \\t]*=[ \\t]*"
              + "([A-Za-z0-9_-]+(?:[ \\t]*,[ \\t]*[A-Za-z0-9_-]+)*)[ \\t]*(?:#.*)?");
  private static final Pattern SHELL =
      Pattern.compile("#[ \\t]*hadolint[ \\t]+shell[ \\t]*=[ \\t]*([^ \\t#]+)[ \\t]*(?:#.*)?");
  private static final Pattern CHECK = Pattern.compile("#[ \\t]*check[ \\t]*=(.*)");

  /**
   * Whether a comment can match {@link #IGNORE} or {@link #SHELL}: both need one of these words.
   * The cheap test spares the regular expressions for most comments (#3 lint speed).
   */
  private static boolean mayBePragma(String comment) {
    return mayBePragma(comment, 0, comment.length());
  }

  /** {@link #mayBePragma(String)} for {@code text[from, to)}, without copying it. */
  private static boolean mayBePragma(String text, int from, int to) {
    return text.indexOf("hadolint", from, to) >= 0 || text.indexOf("stowage", from, to) >= 0;
  }

  /** A rule name written in a pragma, with where it was written (1-based). */
  public record Mention(String name, int line, int column, String where) {}

  /** A {@code # hadolint shell=} pragma: the shell named and the source offset of the comment. */
  public record ShellPragma(int offset, String shell) {}

  private record Range(int firstLine, int lastLine, Set<String> names) {}

  private final Set<String> global;
  private final List<Range> ranges;
  private final List<Range> checkRanges;
  private final Set<String> checkSkip;
  private final boolean checkSkipAll;
  private final boolean checkError;
  private final List<ShellPragma> shells;
  private final List<Mention> mentions;
  private final List<String> problems;

  private Pragmas(
      Set<String> global,
      List<Range> ranges,
      List<Range> checkRanges,
      Set<String> checkSkip,
      boolean checkSkipAll,
      boolean checkError,
      List<ShellPragma> shells,
      List<Mention> mentions,
      List<String> problems) {
    this.global = Set.copyOf(global);
    this.ranges = List.copyOf(ranges);
    this.checkRanges = List.copyOf(checkRanges);
    this.checkSkip = Set.copyOf(checkSkip);
    this.checkSkipAll = checkSkipAll;
    this.checkError = checkError;
    this.shells = List.copyOf(shells);
    this.mentions = List.copyOf(mentions);
    this.problems = List.copyOf(problems);
  }

  /** Reads the pragmas of {@code df}. */
  public static Pragmas of(Dockerfile df) {
    return new Reader(df).read();
  }

  /**
   * Whether an ignore pragma silences a finding of the rule known by {@code names} (id and aliases)
   * that starts on {@code line}.
   */
  public boolean ignores(Collection<String> names, int line) {
    if (global.isEmpty() && ranges.isEmpty()) {
      return false;
    }
    for (String n : names) {
      String k = key(n);
      if (global.contains(k)) {
        return true;
      }
      for (Range r : ranges) {
        if (line >= r.firstLine && line <= r.lastLine && r.names.contains(k)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether BuildKit's check settings skip a finding of the check known by {@code names} on {@code
   * line}: the directive's {@code skip=} list ({@code all} when {@code buildKitCheck}), or a {@code
   * # check=skip=} comment above the instruction.
   */
  public boolean skipsCheck(Collection<String> names, boolean buildKitCheck, int line) {
    if (checkSkipAll && buildKitCheck) {
      return true;
    }
    if (checkSkip.isEmpty() && checkRanges.isEmpty()) {
      return false;
    }
    for (String n : names) {
      String k = key(n);
      if (checkSkip.contains(k)) {
        return true;
      }
      for (Range r : checkRanges) {
        if (line >= r.firstLine
            && line <= r.lastLine
            && (r.names.contains(k) || (buildKitCheck && r.names.contains("all")))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the check directive skips the rule everywhere (so it need not run at all). */
  public boolean skipsCheckEverywhere(Collection<String> names, boolean buildKitCheck) {
    if (checkSkipAll && buildKitCheck) {
      return true;
    }
    if (checkSkip.isEmpty()) {
      return false; // nearly every file: asked once per rule (#3 lint speed)
    }
    return names.stream().anyMatch(n -> checkSkip.contains(key(n)));
  }

  /** Whether any pragma or check setting can silence a finding (most files have none). */
  public boolean silencesAny() {
    return checkSkipAll
        || !global.isEmpty()
        || !ranges.isEmpty()
        || !checkSkip.isEmpty()
        || !checkRanges.isEmpty();
  }

  /** Whether the check directive says {@code error=true}. */
  public boolean checkErrors() {
    return checkError;
  }

  /** The {@code # hadolint shell=} pragmas in file order. */
  public List<ShellPragma> shells() {
    return shells;
  }

  /** Every rule name written in an ignore pragma or check setting, for validation. */
  public List<Mention> mentions() {
    return mentions;
  }

  /** Malformed check settings, as {@code file:line:col: message}. */
  public List<String> problems() {
    return problems;
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** Collects everything in one pass over the tokens. */
  private static final class Reader {
    private final Dockerfile df;
    private final Set<String> global = new HashSet<>();
    private final List<Range> ranges = new ArrayList<>();
    private final List<Range> checkRanges = new ArrayList<>();
    private final Set<String> checkSkip = new HashSet<>();
    private boolean checkSkipAll;
    private boolean checkError;
    private final List<ShellPragma> shells = new ArrayList<>();
    private final List<Mention> mentions = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    Reader(Dockerfile df) {
      this.df = df;
    }

    Pragmas read() {
      List<Token> tokens = df.tokens();
      List<Instruction> instructions = df.instructions();
      // The comments only, as the parser listed them (#3 lint speed).
      List<Integer> commentIndexes = df.commentTokenIndexes();
      if (!anyMayBePragma(tokens, commentIndexes)) {
        // Most files: no comment names hadolint, stowage or check (#3 lint speed).
        readCheckDirective();
        return build();
      }
      // Which comments lie inside an instruction; the others by line.
      boolean[] inside = new boolean[commentIndexes.size()];
      int k = 0;
      for (Instruction ins : instructions) {
        InstructionNode n = ins.syntax();
        while (k < commentIndexes.size() && commentIndexes.get(k) < n.firstToken()) {
          k++;
        }
        for (int j = k; j < commentIndexes.size() && commentIndexes.get(j) < n.endToken(); j++) {
          inside[j] = true;
        }
      }
      Map<Integer, Token> outsideByLine = new HashMap<>();
      for (int j = 0; j < commentIndexes.size(); j++) {
        if (!inside[j]) {
          Token tok = tokens.get(commentIndexes.get(j));
          outsideByLine.put(df.position(tok.start()).line(), tok);
        }
      }
      // Global and shell pragmas: any comment line.
      for (int index : commentIndexes) {
        Token tok = tokens.get(index);
        String text = tok.text(df.source());
        if (!mayBePragma(text)) {
          continue;
        }
        Matcher m = IGNORE.matcher(text);
        if (m.matches() && "global".equals(m.group(1))) {
          global.addAll(names(m, tok, "global ignore pragma"));
        }
        Matcher s = SHELL.matcher(text);
        if (s.matches()) {
          shells.add(new ShellPragma(tok.start(), s.group(1)));
        }
      }
      // Stage pragmas: from the next instruction to the end of its stage.
      for (Token tok : outsideByLine.values()) {
        String text = tok.text(df.source());
        if (!mayBePragma(text)) {
          continue;
        }
        Matcher m = IGNORE.matcher(text);
        if (m.matches() && "stage".equals(m.group(1))) {
          int line = df.position(tok.start()).line();
          stageRange(instructions, line, names(m, tok, "stage ignore pragma"));
        }
      }
      // Instruction pragmas: the comment block directly above, and comments inside.
      k = 0;
      for (Instruction ins : instructions) {
        InstructionNode n = ins.syntax();
        List<Token> comments = new ArrayList<>();
        for (int l = n.line() - 1; outsideByLine.containsKey(l); l--) {
          comments.add(outsideByLine.get(l));
        }
        while (k < commentIndexes.size() && commentIndexes.get(k) < n.firstToken()) {
          k++;
        }
        for (int j = k; j < commentIndexes.size() && commentIndexes.get(j) < n.endToken(); j++) {
          comments.add(tokens.get(commentIndexes.get(j)));
        }
        if (comments.isEmpty()) {
          continue; // most instructions: nothing to read (#3 lint speed)
        }
        Set<String> ignored = new LinkedHashSet<>();
        Set<String> checks = new LinkedHashSet<>();
        for (Token tok : comments) {
          String text = tok.text(df.source());
          if (mayBePragma(text)) {
            Matcher m = IGNORE.matcher(text);
            if (m.matches() && m.group(1) == null) {
              ignored.addAll(names(m, tok, "ignore pragma"));
            }
          }
          if (text.contains("check")) {
            Matcher c = CHECK.matcher(text);
            if (c.matches()) {
              CheckSettings cs = parseCheck(c.group(1), tok.start(), "check comment");
              checks.addAll(cs.skip);
            }
          }
        }
        if (!ignored.isEmpty()) {
          ranges.add(new Range(n.line(), n.endLine(), ignored));
        }
        if (!checks.isEmpty()) {
          checkRanges.add(new Range(n.line(), n.endLine(), checks));
        }
      }
      readCheckDirective();
      return build();
    }

    /** Whether a comment may hold a pragma or check setting: the words they need, unallocated. */
    private boolean anyMayBePragma(List<Token> tokens, List<Integer> commentIndexes) {
      String src = df.source();
      for (int index : commentIndexes) {
        Token tok = tokens.get(index);
        if (mayBePragma(src, tok.start(), tok.end())
            || src.indexOf("check", tok.start(), tok.end()) >= 0) {
          return true;
        }
      }
      return false;
    }

    /** BuildKit's check directive at the top of the file. */
    private void readCheckDirective() {
      for (Directives.Directive d : df.directives().all()) {
        if (d.name().equals("check")) {
          int valueAt = d.span().start() + df.text(d.span()).indexOf('=') + 1;
          CheckSettings cs = parseCheck(d.value(), valueAt, "check directive");
          if (cs.skip.contains("all")) {
            checkSkipAll = true;
          }
          checkSkip.addAll(cs.skip);
          checkError |= cs.error;
        }
      }
    }

    private Pragmas build() {
      return new Pragmas(
          global,
          ranges,
          checkRanges,
          checkSkip,
          checkSkipAll,
          checkError,
          shells,
          mentions,
          problems);
    }

    private void stageRange(List<Instruction> instructions, int commentLine, Set<String> names) {
      int first = -1;
      for (Instruction ins : instructions) {
        if (first < 0 && ins.line() > commentLine) {
          first = ins.line();
          continue;
        }
        if (first >= 0 && ins instanceof Instruction.From) {
          ranges.add(new Range(first, ins.line() - 1, names));
          return;
        }
      }
      if (first >= 0) {
        ranges.add(new Range(first, Integer.MAX_VALUE, names));
      }
    }

    private Set<String> names(Matcher m, Token tok, String where) {
      Set<String> out = new LinkedHashSet<>();
      int base = tok.start() + m.start(2);
      String list = m.group(2);
      int i = 0;
      for (String part : list.split(",", -1)) {
        String name = part.strip();
        int at = base + i + part.indexOf(name);
        Position p = df.position(at);
        mentions.add(new Mention(name, p.line(), p.column(), where));
        out.add(key(name));
        i += part.length() + 1;
      }
      return out;
    }

    private record CheckSettings(Set<String> skip, boolean error) {}

    /**
     * Reads {@code skip=A,B;error=true;experimental=C} as BuildKit does (keys case-insensitive).
     */
    private CheckSettings parseCheck(String value, int at, String where) {
      Set<String> skip = new LinkedHashSet<>();
      boolean error = false;
      int offset = 0;
      for (String part : value.split(";", -1)) {
        int partAt = at + offset;
        offset += part.length() + 1;
        if (part.isBlank()) {
          continue;
        }
        int eq = part.indexOf('=');
        String k = (eq < 0 ? part : part.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
        String v = eq < 0 ? "" : part.substring(eq + 1).strip();
        switch (k) {
          case "skip" -> {
            int i = 0;
            for (String n : v.split(",", -1)) {
              String name = n.strip();
              if (!name.isEmpty()) {
                int nameAt = partAt + eq + 1 + i + n.indexOf(name);
                Position p = df.position(Math.min(nameAt, df.source().length()));
                if (!name.equalsIgnoreCase("all")) {
                  mentions.add(new Mention(name, p.line(), p.column(), where));
                }
                skip.add(key(name));
              }
              i += n.length() + 1;
            }
          }
          case "error" -> {
            switch (v.toLowerCase(Locale.ROOT)) {
              case "true", "1" -> error = true;
              case "false", "0" -> error = false;
              default -> problem(partAt, where + ": error must be true or false, not '" + v + "'");
            }
          }
          case "experimental" -> {
            // Experimental checks are opt-in in BuildKit; Stowage runs its rules regardless.
          }
          default -> problem(partAt, where + ": unknown setting '" + k + "'");
        }
      }
      return new CheckSettings(skip, error);
    }

    private void problem(int offset, String message) {
      Position p = df.position(Math.min(offset, df.source().length()));
      problems.add(df.file() + ":" + p.line() + ":" + p.column() + ": " + message);
    }
  }
}
