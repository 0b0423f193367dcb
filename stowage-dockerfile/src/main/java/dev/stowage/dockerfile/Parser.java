package dev.stowage.dockerfile;

import dev.stowage.dockerfile.lexer.Environment;
import dev.stowage.dockerfile.lexer.ExpansionException;
import dev.stowage.dockerfile.lexer.ShellLexer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Dockerfile as BuildKit's parser does (frontend/dockerfile/parser), keeping every
 * character in a token. One instance per parse; not thread-safe. Never throws on any input: what
 * BuildKit would refuse becomes a {@link Diagnostic}.
 */
final class Parser {
  private static final Pattern DIRECTIVE =
      Pattern.compile("^#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$");
  private static final Pattern HEREDOC = Pattern.compile("^(\\d*)<<(-?)([^<]*)$");
  private static final Set<String> DIRECTIVE_NAMES = Set.of("syntax", "escape", "check");
  private static final ShellLexer RAW_WORDS =
      ShellLexer.of('\\', ShellLexer.Option.RAW_QUOTES, ShellLexer.Option.RAW_ESCAPES);
  private static final ShellLexer NAME_WORDS =
      ShellLexer.of('\\', ShellLexer.Option.SKIP_UNSET_ENV);
  private static final ShellLexer NAME_WORDS_RAW =
      ShellLexer.of('\\', ShellLexer.Option.SKIP_UNSET_ENV, ShellLexer.Option.RAW_QUOTES);

  private final String file;
  private final String src;
  private final LineMap lineMap;
  private final List<Token> tokens = new ArrayList<>();
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final List<InstructionNode> nodes = new ArrayList<>();
  private final List<Directives.Directive> directives = new ArrayList<>();
  private final Set<String> seenDirectives = new HashSet<>();
  private final List<Diagnostic> warnings = new ArrayList<>();
  private boolean directivesDone;
  private char escape = '\\';

  // Physical lines: [start, contentEnd) is the text, [contentEnd, end) the terminator.
  private final int[] lineStart;
  private final int[] contentEnd;
  private final int[] lineEnd;
  private final int lineCount;

  Parser(String file, String src) {
    this.file = file;
    this.src = src;
    this.lineMap = LineMap.of(src);
    int n = lineMap.lineCount();
    if (!src.isEmpty() && src.charAt(src.length() - 1) == '\n') {
      n--; // a final terminator does not start another line
    }
    lineCount = Math.max(n, 0);
    lineStart = new int[lineCount];
    contentEnd = new int[lineCount];
    lineEnd = new int[lineCount];
    for (int i = 0; i < lineCount; i++) {
      int s = lineMap.lineStart(i + 1);
      int e = i + 2 <= lineMap.lineCount() ? lineMap.lineStart(i + 2) : src.length();
      int c = e;
      while (c > s && (src.charAt(c - 1) == '\n' || src.charAt(c - 1) == '\r')) {
        c--;
      }
      lineStart[i] = s;
      contentEnd[i] = c;
      lineEnd[i] = e;
    }
  }

  Dockerfile parse() {
    int first = 0;
    if (src.startsWith("\uFEFF")) {
      tokens.add(new Token(Token.Kind.BOM, 0, 1));
      first = 1;
    }
    int i = 0;
    while (i < lineCount) {
      int ls = i == 0 ? first : lineStart[i];
      i = parseLogicalLine(i, ls);
    }
    if (nodes.isEmpty()) {
      int line = Math.max(1, lineCount);
      diagnostics.add(diag(Diagnostic.Severity.ERROR, "syntax", line, 1, line, 1, "file with no instructions"));
    }
    diagnostics.addAll(warnings);
    List<Instruction> instructions = new ArrayList<>(nodes.size());
    for (InstructionNode n : nodes) {
      instructions.add(Instruction.of(n));
    }
    return new Dockerfile(
        file,
        src,
        lineMap,
        tokens,
        commentTokens,
        instructions,
        Directives.of(directives, escape),
        diagnostics);
  }

  /** Reads the logical line starting at physical line {@code i}; returns the next line index. */
  private int parseLogicalLine(int i, int ls) {
    int ce = contentEnd[i];
    int ts = skipSpace(ls, ce);
    if (possibleDirective(i, ts, ce)) {
      addToken(Token.Kind.WHITESPACE, ls, ts);
      addToken(Token.Kind.DIRECTIVE, ts, ce);
      addToken(Token.Kind.NEWLINE, ce, lineEnd[i]);
      return i + 1;
    }
    if (ts < ce && src.charAt(ts) == '#') {
      addToken(Token.Kind.WHITESPACE, ls, ts);
      addToken(Token.Kind.COMMENT, ts, ce);
      addToken(Token.Kind.NEWLINE, ce, lineEnd[i]);
      return i + 1;
    }
    int cont = continuation(ts, ce);
    if (cont < 0 && ts == ce) {
      addToken(Token.Kind.WHITESPACE, ls, ce);
      addToken(Token.Kind.NEWLINE, ce, lineEnd[i]);
      return i + 1;
    }
    // Gather the physical lines of this instruction.
    List<int[]> parts = new ArrayList<>(); // {kind, line, start, end, contStart}; kind 0 text, 1 comment, 2 blank
    // One text and one offset buffer for every instruction of the file, copied out exactly.
    StringBuilder text = textScratch;
    text.setLength(0);
    IntList map = offsetScratch;
    map.clear();
    parts.add(new int[] {0, i, ts, cont < 0 ? ce : cont, cont});
    append(text, map, ts, cont < 0 ? ce : cont);
    int startLine = i;
    boolean endOfLine = cont < 0;
    boolean emptyContinuation = false;
    i++;
    while (!endOfLine && i < lineCount) {
      int s = lineStart[i];
      int c = contentEnd[i];
      int t = skipSpace(s, c);
      if (t < c && src.charAt(t) == '#') {
        parts.add(new int[] {1, i, s, c, -1});
      } else if (t == c) {
        emptyContinuation = true;
        parts.add(new int[] {2, i, s, c, -1});
      } else {
        int k = continuation(s, c);
        parts.add(new int[] {0, i, s, k < 0 ? c : k, k});
        append(text, map, s, k < 0 ? c : k);
        endOfLine = k < 0;
      }
      i++;
    }
    map.add(parts.get(parts.size() - 1)[3]);
    String line = text.toString();
    int[] offsets = map.toArray();
    int endLineIdx = i - 1;
    if (emptyContinuation) {
      warnings.add(
          diag(
              Diagnostic.Severity.WARNING,
              "empty-continuation",
              startLine + 1,
              1,
              endLineIdx + 1,
              1,
              "empty continuation line found in instruction; empty continuation lines will become"
                  + " errors in a future release"));
    }
    int firstToken = tokens.size();
    Built built = build(line, 0, line.length(), offsets, startLine + 1);
    // Heredocs.
    List<Heredoc> heredocs = new ArrayList<>();
    List<int[]> heredocLines = new ArrayList<>(); // {line, isEnd}
    if (built.canContainHeredoc() && line.contains("<<")) {
      for (HeredocMarker marker : heredocMarkers(line, startLine + 1)) {
        int bodyStart = i < lineCount ? lineStart[i] : src.length();
        boolean terminated = false;
        StringBuilder content = new StringBuilder();
        int bodyEnd = bodyStart;
        while (i < lineCount) {
          int s = lineStart[i];
          int c = contentEnd[i];
          int t = s;
          if (marker.chomp()) {
            while (t < c && src.charAt(t) == '\t') {
              t++;
            }
          }
          if (src.regionMatches(t, marker.name(), 0, marker.name().length())
              && c - t == marker.name().length()) {
            heredocLines.add(new int[] {i, 1});
            terminated = true;
            i++;
            break;
          }
          content.append(src, s, lineEnd[i]);
          heredocLines.add(new int[] {i, 0});
          bodyEnd = lineEnd[i];
          i++;
        }
        if (!terminated) {
          diagnostics.add(
              diag(Diagnostic.Severity.ERROR, "syntax", startLine + 1, 1, i, 1, "unterminated heredoc"));
        }
        int spanEnd = i > 0 ? Math.min(contentEnd[i - 1], src.length()) : bodyEnd;
        heredocs.add(
            new Heredoc(
                marker.name(),
                content.toString(),
                marker.quoted(),
                marker.chomp(),
                marker.fd(),
                new Span(bodyStart, Math.max(bodyStart, bodyEnd)),
                new Span(bodyStart, Math.max(bodyStart, spanEnd))));
      }
    }
    // Tokens for the physical lines, cut at the pieces' boundaries.
    addToken(Token.Kind.WHITESPACE, ls, ts);
    List<int[]> pieces = built.pieces();
    int logical = 0;
    int pieceIdx = 0;
    for (int[] part : parts) {
      int line0 = part[1];
      if (part[0] == 1) {
        int t = skipSpace(part[2], part[3]);
        addToken(Token.Kind.WHITESPACE, part[2], t);
        addToken(Token.Kind.COMMENT, t, part[3]);
      } else if (part[0] == 2) {
        addToken(Token.Kind.WHITESPACE, part[2], part[3]);
      } else {
        int base = part[2] - logical; // source offset = base + logical offset
        int logicalEnd = logical + (part[3] - part[2]);
        while (logical < logicalEnd) {
          while (pieceIdx < pieces.size() - 1 && pieces.get(pieceIdx)[1] <= logical) {
            pieceIdx++;
          }
          int[] piece = pieces.get(pieceIdx);
          int cut = piece[1] > logical ? Math.min(logicalEnd, piece[1]) : logicalEnd;
          addToken(TOKEN_KINDS[piece[2]], base + logical, base + cut);
          logical = cut;
        }
        if (part[4] >= 0) {
          addToken(Token.Kind.CONTINUATION, part[4], contentEnd[line0]);
        }
      }
      addToken(Token.Kind.NEWLINE, contentEnd[line0], lineEnd[line0]);
    }
    for (int[] hl : heredocLines) {
      int l = hl[0];
      if (hl[1] == 1) {
        addToken(Token.Kind.HEREDOC_END, lineStart[l], contentEnd[l]);
        addToken(Token.Kind.NEWLINE, contentEnd[l], lineEnd[l]);
      } else {
        addToken(Token.Kind.HEREDOC_BODY, lineStart[l], lineEnd[l]);
      }
    }
    int lastLine = i - 1;
    int spanEnd = Math.max(ts, contentEnd[lastLine]);
    nodes.add(
        built.toNode(
            heredocs, new Span(ts, spanEnd), startLine + 1, lastLine + 1, firstToken, tokens.size()));
    return i;
  }

  /** What {@link #build} found in a logical line, before tokens and heredocs are known. */
  private record Built(
      String keyword,
      List<Flag> flags,
      List<Word> args,
      boolean json,
      boolean legacy,
      String original,
      int restStart,
      int[] offsets,
      Optional<InstructionNode> child,
      List<int[]> pieces) {

    boolean canContainHeredoc() {
      String k = keyword.toLowerCase(Locale.ROOT);
      if (k.equals("onbuild") && child.isPresent()) {
        InstructionNode c = child.get();
        k = c.keyword().toLowerCase(Locale.ROOT);
        return (k.equals("run") || k.equals("copy") || k.equals("add")) && !c.json();
      }
      return (k.equals("run") || k.equals("copy") || k.equals("add")) && !json;
    }

    InstructionNode toNode(
        List<Heredoc> heredocs, Span span, int line, int endLine, int firstToken, int endToken) {
      Optional<InstructionNode> c = child;
      if (c.isPresent() && !heredocs.isEmpty()) {
        InstructionNode n = c.get();
        c =
            Optional.of(
                new InstructionNode(
                    n.keyword(), n.flags(), n.args(), n.json(), n.legacyKeyValue(), heredocs,
                    n.original(), n.original().length() - n.rest().length(), offsetsOf(n),
                    n.span(), line, endLine, n.child(), firstToken, endToken));
      }
      return new InstructionNode(
          keyword, flags, args, json, legacy, heredocs, original, restStart, offsets, span, line,
          endLine, c, firstToken, endToken);
    }

    private static int[] offsetsOf(InstructionNode n) {
      int[] o = new int[n.original().length() + 1];
      for (int i = 0; i < o.length; i++) {
        o[i] = n.sourceOffset(i);
      }
      return o;
    }
  }

  /**
   * Splits the logical line {@code line[from, to)} into keyword, flags and arguments (BuildKit's
   * {@code newNodeFromLine}). Pieces are {start, end, tokenKindOrdinal} in logical offsets.
   */
  private Built build(String line, int from, int to, int[] offsets, int lineNo) {
    List<int[]> pieces = new ArrayList<>();
    int p0 = from;
    while (p0 < to && GoText.isSpace(line.charAt(p0))) {
      p0++;
    }
    int p1 = to;
    while (p1 > p0 && GoText.isSpace(line.charAt(p1 - 1))) {
      p1--;
    }
    if (p0 > from) {
      pieces.add(new int[] {from, p0, Token.Kind.WHITESPACE.ordinal()});
    }
    int k = p0;
    while (k < p1 && !GoText.isSplitSpace(line.charAt(k))) {
      k++;
    }
    String keyword = line.substring(p0, k);
    pieces.add(new int[] {p0, k, Token.Kind.KEYWORD.ordinal()});
    int r = k;
    while (r < p1 && GoText.isSplitSpace(line.charAt(r))) {
      r++;
    }
    List<Flag> flags = new ArrayList<>();
    int restStart = extractFlags(line, r, p1, offsets, flags, pieces);
    while (restStart < p1 && GoText.isSpace(line.charAt(restStart))) {
      restStart++;
    }
    pieces.add(new int[] {restStart, to, Token.Kind.TEXT.ordinal()});
    fillGaps(pieces, from, to);

    Args args = new Args();
    String lower = keyword.toLowerCase(Locale.ROOT);
    Optional<InstructionNode> child = Optional.empty();
    boolean known = Instruction.KEYWORDS.contains(keyword.toUpperCase(Locale.ROOT));
    String err = null;
    switch (lower) {
      case "add", "copy", "volume" -> err = maybeJsonToList(line, restStart, p1, args);
      case "arg" -> words(line, restStart, p1, args, true);
      case "cmd", "entrypoint", "run", "shell" -> err = maybeJson(line, restStart, p1, args);
      case "env", "label" -> err = nameVal(line, restStart, p1, args, lower.toUpperCase(Locale.ROOT));
      case "expose", "from" -> whitespaceDelimited(line, restStart, p1, args);
      case "healthcheck" -> err = healthcheck(line, restStart, p1, args);
      case "maintainer", "stopsignal", "user", "workdir" -> {
        if (restStart < p1) {
          args.addSlice(line, restStart, p1);
        }
      }
      case "onbuild" -> {
        if (restStart < p1) {
          Built c = build(line, restStart, p1, offsets, lineNo);
          String ck = c.keyword().toUpperCase(Locale.ROOT);
          if (ck.equals("ONBUILD")) {
            err = "chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed";
          } else if (ck.equals("FROM") || ck.equals("MAINTAINER")) {
            err = ck + " isn't allowed as an ONBUILD trigger";
          }
          child =
              Optional.of(
                  new InstructionNode(
                      c.keyword(), c.flags(), c.args(), c.json(), c.legacy(), List.of(),
                      line.substring(restStart, p1), c.restStart(),
                      slice(offsets, restStart, p1), mapSpan(offsets, restStart, p1), lineNo,
                      lineNo, Optional.empty(), -1, -1));
          List<int[]> outer = new ArrayList<>();
          outer.add(new int[] {p0, k, Token.Kind.KEYWORD.ordinal()});
          for (int[] f : pieces) {
            if (f[2] == Token.Kind.FLAG.ordinal()) {
              outer.add(f);
            }
          }
          outer.addAll(c.pieces());
          pieces = outer;
          fillGaps(pieces, from, to);
        }
      }
      default -> {}
    }
    if (!known) {
      err = "unknown instruction: " + keyword;
    }
    if (err != null) {
      Span sp = mapSpan(offsets, p0, p1);
      Position a = lineMap.position(sp.start());
      Position b = lineMap.position(sp.end());
      diagnostics.add(
          new Diagnostic(
              Diagnostic.Severity.ERROR,
              known ? "syntax" : "unknown-instruction",
              file,
              a.line(),
              a.column(),
              b.line(),
              b.column(),
              err));
    }
    List<Word> words = new ArrayList<>(args.size());
    for (int j = 0; j < args.values.size(); j++) {
      words.add(new Word(args.values.get(j), mapSpan(offsets, args.starts.get(j), args.ends.get(j))));
    }
    return new Built(
        keyword,
        flags,
        words,
        args.json,
        args.legacy,
        line.substring(from, to),
        restStart - from,
        from == 0 ? offsets : slice(offsets, from, to),
        child,
        pieces);
  }

  private static void fillGaps(List<int[]> pieces, int from, int to) {
    pieces.sort((a, b) -> Integer.compare(a[0], b[0]));
    List<int[]> out = new ArrayList<>();
    int at = from;
    for (int[] p : pieces) {
      if (p[0] > at) {
        out.add(new int[] {at, p[0], Token.Kind.WHITESPACE.ordinal()});
      }
      if (p[1] > p[0] && p[0] >= at) {
        out.add(p);
        at = p[1];
      }
    }
    if (at < to) {
      out.add(new int[] {at, to, Token.Kind.TEXT.ordinal()});
    }
    pieces.clear();
    pieces.addAll(out);
  }

  private static int[] slice(int[] offsets, int from, int to) {
    int[] o = new int[to - from + 1];
    System.arraycopy(offsets, from, o, 0, to - from);
    o[to - from] = to - from > 0 ? offsets[to - 1] + 1 : offsets[from];
    return o;
  }

  private static Span mapSpan(int[] offsets, int start, int end) {
    if (start >= end) {
      return new Span(offsets[start], offsets[start]);
    }
    return new Span(offsets[start], offsets[end - 1] + 1);
  }

  /** BuildKit's {@code extractBuilderFlags}; returns where the rest of the line starts. */
  private int extractFlags(
      String line, int from, int to, int[] offsets, List<Flag> flags, List<int[]> pieces) {
    int pos = from;
    while (true) {
      while (pos < to && GoText.isSpace(line.charAt(pos))) {
        pos++;
      }
      if (pos >= to || line.charAt(pos) != '-' || pos + 1 >= to || line.charAt(pos + 1) != '-') {
        return pos;
      }
      int start = pos;
      StringBuilder word = new StringBuilder();
      boolean blankOk = false;
      char quote = 0;
      boolean inQuote = false;
      while (pos < to) {
        char ch = line.charAt(pos);
        if (!inQuote) {
          if (GoText.isSpace(ch)) {
            break;
          }
          if (ch == '\'' || ch == '"') {
            quote = ch;
            blankOk = true;
            inQuote = true;
            pos++;
            continue;
          }
          if (ch == '\\') {
            if (pos + 1 == to) {
              pos++;
              continue;
            }
            pos++;
            ch = line.charAt(pos);
          }
          word.append(ch);
          pos++;
        } else {
          if (ch == quote) {
            inQuote = false;
            pos++;
            continue;
          }
          if (ch == '\\') {
            if (pos + 1 == to) {
              inQuote = false;
              pos++;
              continue;
            }
            pos++;
            ch = line.charAt(pos);
          }
          word.append(ch);
          pos++;
        }
      }
      String w = word.toString();
      if (w.equals("--")) {
        pieces.add(new int[] {start, pos, Token.Kind.FLAG.ordinal()});
        return pos;
      }
      if (blankOk || !w.isEmpty()) {
        flags.add(Flag.of(w, mapSpan(offsets, start, pos)));
        pieces.add(new int[] {start, pos, Token.Kind.FLAG.ordinal()});
      }
    }
  }

  /** Growing lists of argument values and their logical ranges. */
  private static final class Args {
    final List<String> values = new ArrayList<>();
    final IntList starts = new IntList(8);
    final IntList ends = new IntList(8);
    boolean json;
    boolean legacy;

    void add(String value, int start, int end) {
      values.add(value);
      starts.add(start);
      ends.add(end);
    }

    void addSlice(String line, int start, int end) {
      add(line.substring(start, end), start, end);
    }

    int size() {
      return values.size();
    }
  }

  private static void whitespaceDelimited(String line, int from, int to, Args args) {
    if (from >= to) {
      return;
    }
    int pos = from;
    while (true) {
      int s = pos;
      while (pos < to && !GoText.isSplitSpace(line.charAt(pos))) {
        pos++;
      }
      args.addSlice(line, s, pos);
      if (pos >= to) {
        return;
      }
      while (pos < to && GoText.isSplitSpace(line.charAt(pos))) {
        pos++;
      }
      if (pos >= to) {
        args.add("", pos, pos);
        return;
      }
    }
  }

  /** BuildKit's {@code parseWords}: quotes and escapes kept; a trailing escape dropped. */
  private void words(String line, int from, int to, Args args, boolean addAll) {
    int pos = from;
    while (pos < to) {
      while (pos < to && GoText.isSpace(line.charAt(pos))) {
        pos++;
      }
      if (pos >= to) {
        return;
      }
      int start = pos;
      char quote = 0;
      boolean inQuote = false;
      int valueEnd = -1;
      while (pos < to) {
        char ch = line.charAt(pos);
        if (!inQuote) {
          if (GoText.isSpace(ch)) {
            break;
          }
          if (ch == '\'' || ch == '"') {
            quote = ch;
            inQuote = true;
          }
          if (ch == escape) {
            if (pos + 1 == to) {
              valueEnd = pos;
              pos++;
              continue;
            }
            pos += 2;
            continue;
          }
          pos++;
        } else {
          if (ch == quote) {
            inQuote = false;
            pos++;
            continue;
          }
          if (ch == escape && quote != '\'') {
            if (pos + 1 == to) {
              valueEnd = pos;
              inQuote = false;
              pos++;
              continue;
            }
            pos += 2;
            continue;
          }
          pos++;
        }
      }
      int end = valueEnd >= 0 ? valueEnd : pos;
      if (addAll || end > start) {
        args.add(line.substring(start, end), start, end);
      }
    }
  }

  /** BuildKit's {@code parseNameVal} for ENV and LABEL; returns an error message or null. */
  private String nameVal(String line, int from, int to, Args args, String key) {
    Args words = new Args();
    words(line, from, to, words, false);
    if (words.size() == 0) {
      return null;
    }
    if (!words.values.get(0).contains("=")) {
      int k = from;
      while (k < to && !GoText.isSplitSpace(line.charAt(k))) {
        k++;
      }
      int v = k;
      while (v < to && GoText.isSplitSpace(line.charAt(v))) {
        v++;
      }
      if (k >= to) {
        return key + " must have two arguments";
      }
      args.addSlice(line, from, k);
      args.addSlice(line, v, to);
      args.legacy = true;
      return null;
    }
    for (int j = 0; j < words.size(); j++) {
      String w = words.values.get(j);
      int eq = w.indexOf('=');
      if (eq < 0) {
        args.values.clear();
        return "Syntax error - can't find = in " + GoText.quote(w) + ". Must be of the form: name=value";
      }
      int s = words.starts.get(j);
      args.add(w.substring(0, eq), s, s + eq);
      args.add(w.substring(eq + 1), s + eq + 1, words.ends.get(j));
    }
    return null;
  }

  /** BuildKit's {@code parseJSON}; returns null when the text is no JSON array. */
  private static JsonArray.Result json(String line, int from, int to) {
    int p = from;
    while (p < to && GoText.isSpace(line.charAt(p))) {
      p++;
    }
    if (p >= to || line.charAt(p) != '[') {
      return null;
    }
    JsonArray.Result r = JsonArray.parse(line.substring(0, to), p);
    return r.status() == JsonArray.Status.NOT_JSON ? null : r;
  }

  private static final String NOT_STRING_ARRAY =
      "when using JSON array syntax, arrays must be comprised of strings only";

  private static String takeJson(JsonArray.Result r, Args args) {
    if (r.status() == JsonArray.Status.NOT_STRING_ARRAY) {
      return NOT_STRING_ARRAY;
    }
    for (int j = 0; j < r.values().size(); j++) {
      args.add(r.values().get(j), r.spans().get(j)[0], r.spans().get(j)[1]);
    }
    args.json = true;
    return null;
  }

  private static String maybeJson(String line, int from, int to, Args args) {
    if (from >= to) {
      return null;
    }
    JsonArray.Result r = json(line, from, to);
    if (r != null) {
      return takeJson(r, args);
    }
    args.addSlice(line, from, to);
    return null;
  }

  private static String maybeJsonToList(String line, int from, int to, Args args) {
    JsonArray.Result r = json(line, from, to);
    if (r != null) {
      return takeJson(r, args);
    }
    whitespaceDelimited(line, from, to, args);
    return null;
  }

  private static String healthcheck(String line, int from, int to, Args args) {
    int sep = from;
    while (sep < to && !GoText.isSpace(line.charAt(sep))) {
      sep++;
    }
    int next = sep;
    while (next < to && GoText.isSpace(line.charAt(next))) {
      next++;
    }
    if (sep == from) {
      return null;
    }
    args.addSlice(line, from, sep);
    return maybeJson(line, next, to, args);
  }

  /** A heredoc introduced on an instruction line. */
  private record HeredocMarker(String name, boolean quoted, boolean chomp, int fd) {}

  /**
   * Finds heredoc markers as BuildKit does: split the line into shell words keeping quotes and
   * escapes, keep those of the form {@code [n]<<[-]WORD}, then unquote WORD.
   */
  private List<HeredocMarker> heredocMarkers(String line, int lineNo) {
    List<HeredocMarker> out = new ArrayList<>();
    List<String> words;
    try {
      words = RAW_WORDS.processWords(line, Environment.empty());
    } catch (ExpansionException e) {
      return out; // BuildKit ignores lexing errors here: no heredocs
    }
    for (String word : words) {
      Matcher m = HEREDOC.matcher(word);
      if (!m.matches() || m.group(3).isEmpty()) {
        continue;
      }
      String rest = m.group(3);
      List<String> unquoted;
      List<String> raw;
      try {
        unquoted = NAME_WORDS.processWords(rest, Environment.empty());
        raw = NAME_WORDS_RAW.processWords(rest, Environment.empty());
      } catch (ExpansionException e) {
        diagnostics.add(
            diag(Diagnostic.Severity.ERROR, "syntax", lineNo, 1, lineNo, 1,
                "invalid heredoc name " + GoText.quote(rest) + ": " + e.reason()));
        continue;
      }
      if (unquoted.size() != 1 || raw.size() != 1) {
        continue;
      }
      String name = unquoted.get(0);
      boolean quoted = quotes(name) != quotes(raw.get(0));
      int fd = 0;
      if (!m.group(1).isEmpty()) {
        try {
          fd = Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
          fd = 0;
        }
      }
      out.add(new HeredocMarker(name, quoted, m.group(2).equals("-"), fd));
    }
    return out;
  }

  private static int quotes(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'' || c == '"') {
        n++;
      }
    }
    return n;
  }

  /** Directive handling for a line; returns true when the line is an accepted directive. */
  private boolean possibleDirective(int line, int ts, int ce) {
    if (directivesDone) {
      return false;
    }
    Matcher m = DIRECTIVE.matcher(src).region(ts, ce);
    m.useAnchoringBounds(true);
    if (!m.matches()) {
      directivesDone = true;
      return false;
    }
    String name = m.group(1).toLowerCase(Locale.ROOT);
    if (!DIRECTIVE_NAMES.contains(name)) {
      directivesDone = true;
      return false;
    }
    String value = m.group(2);
    if (!seenDirectives.add(name)) {
      diagnostics.add(
          diag(Diagnostic.Severity.ERROR, "syntax", line + 1, 1, line + 1, ce - lineStart[line] + 1,
              "only one " + name + " parser directive can be used"));
      return true;
    }
    if (name.equals("escape")) {
      if (!value.equals("`") && !value.equals("\\")) {
        diagnostics.add(
            diag(Diagnostic.Severity.ERROR, "syntax", line + 1, 1, line + 1, ce - lineStart[line] + 1,
                "invalid escape token '" + value + "' does not match ` or \\"));
        return true;
      }
      escape = value.charAt(0);
    }
    directives.add(new Directives.Directive(name, value, line + 1, new Span(ts, ce)));
    return true;
  }

  /** Where the continuation (escape char then blanks to end of line) starts, or -1. */
  private int continuation(int start, int end) {
    int e = end;
    while (e > start && (src.charAt(e - 1) == ' ' || src.charAt(e - 1) == '\t')) {
      e--;
    }
    // An escaped escape character (`\\` at the end) does not continue the line.
    boolean continues =
        e > start && src.charAt(e - 1) == escape && (e - 1 == start || src.charAt(e - 2) != escape);
    return continues ? e - 1 : -1;
  }

  private int skipSpace(int from, int to) {
    while (from < to && GoText.isSpace(src.charAt(from))) {
      from++;
    }
    return from;
  }

  private void append(StringBuilder text, IntList map, int start, int end) {
    text.append(src, start, end);
    map.addRange(start, end);
  }

  private void addToken(Token.Kind kind, int start, int end) {
    if (end > start) {
      if (kind == Token.Kind.COMMENT) {
        commentTokens.add(tokens.size());
      }
      tokens.add(new Token(kind, start, end));
    }
  }

  private Diagnostic diag(
      Diagnostic.Severity severity, String code, int line, int col, int endLine, int endCol, String msg) {
    return new Diagnostic(severity, code, file, line, col, endLine, endCol, msg);
  }

  /** A growable {@code int} array. */
  private static final Token.Kind[] TOKEN_KINDS = Token.Kind.values(); // values() copies

  /** Indexes into {@code tokens} of the comment tokens, in order. */
  private final List<Integer> commentTokens = new ArrayList<>();

  /** The logical-to-source offset map of the instruction being read. */
  private final IntList offsetScratch = new IntList(256);

  /** The logical text of the instruction being read. */
  private final StringBuilder textScratch = new StringBuilder(256);

  static final class IntList {
    private int[] a;
    private int n;

    void clear() {
      n = 0;
    }

    IntList(int capacity) {
      a = new int[Math.max(capacity, 4)];
    }

    void add(int v) {
      if (n == a.length) {
        a = java.util.Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    /** Adds {@code start, start + 1, ..., end - 1}. */
    void addRange(int start, int end) {
      int count = end - start;
      if (count <= 0) {
        return;
      }
      if (n + count > a.length) {
        a = java.util.Arrays.copyOf(a, Math.max(a.length * 2, n + count));
      }
      for (int j = 0; j < count; j++) {
        a[n + j] = start + j;
      }
      n += count;
    }

    int get(int i) {
      return a[i];
    }

    int size() {
      return n;
    }

    int[] toArray() {
      return java.util.Arrays.copyOf(a, n);
    }
  }
}
