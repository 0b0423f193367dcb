package dev.stowage.dockerfile.shell;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * A recursive-descent parser for POSIX shell with common bash extensions, tolerant of errors.
 *
 * <p>Lexing and parsing are interleaved because shell tokens depend on the grammar (reserved words,
 * here-documents, nested command substitutions). Every loop consumes input or stops, so the work is
 * linear in the input; recursion is bounded by {@link #MAX_DEPTH}, beyond which nested text is kept
 * as {@link WordPart.Unparsed} or an empty subshell. Not thread-safe; one instance parses one
 * input.
 */
final class ShellParser {
  /** Deepest nesting of compound commands, substitutions and expansions that is analysed. */
  static final int MAX_DEPTH = 64;

  private static final int MAX_ERRORS = 100;

  private static final Set<String> RESERVED =
      Set.of(
          "!",
          "{",
          "}",
          "if",
          "then",
          "elif",
          "else",
          "fi",
          "for",
          "while",
          "until",
          "do",
          "done",
          "case",
          "esac",
          "function",
          "in");

  private static final Set<String> MISPLACED =
      Set.of("then", "elif", "else", "fi", "do", "done", "esac", "}", "in");

  private static final String[] PARAMETER_OPERATORS = {
    ":-", ":=", ":?", ":+", "##", "%%", "//", "/#", "/%", "^^", ",,", "-", "=", "?", "+", "#", "%",
    "/", "^", ",", ":", "@", "*"
  };

  enum Kind {
    WORD,
    IO_NUMBER,
    REDIR,
    NEWLINE,
    SEMI,
    AMP,
    AND_IF,
    OR_IF,
    PIPE,
    PIPE_AMP,
    LPAREN,
    RPAREN,
    DSEMI,
    SEMI_AMP,
    DSEMI_AMP,
    BACKTICK,
    EOF
  }

  private enum Mode {
    UNQUOTED,
    DOUBLE_QUOTED,
    PARAMETER,
    HERE_DOCUMENT
  }

  private record Token(Kind kind, String text, int start, int end, @Nullable Word word) {}

  record Result(Sequence body, List<ShellError> errors) {}

  private final String src;
  private int limit;
  private int pos;
  private @Nullable Token peeked;
  private int depth;
  private final List<ShellError> errors = new ArrayList<>();
  private List<HereDocument> pending = new ArrayList<>();

  // Enclosing constructs whose closing token also ends an inner sequence, for error recovery.
  private int parenNest;
  private int braceNest;
  private int ifNest;
  private int loopNest;
  private int caseNest;
  private int caseItemNest;
  private boolean inBacktick;

  private ShellParser(String src) {
    this.src = src;
    this.limit = src.length();
  }

  static Result parse(String source) {
    ShellParser parser = new ShellParser(source);
    Sequence body = parser.parseSequence(EnumSet.noneOf(Kind.class), Set.of());
    for (HereDocument doc : parser.pending) {
      doc.complete("", source.length(), source.length(), List.of(), false);
    }
    return new Result(body, List.copyOf(parser.errors));
  }

  // ---------------------------------------------------------------- grammar

  private Sequence parseSequence(Set<Kind> ownKinds, Set<String> ownWords) {
    List<AndOrList> items = new ArrayList<>();
    Token t;
    while (true) {
      t = peek();
      if (t.kind == Kind.NEWLINE || t.kind == Kind.SEMI) {
        next();
        continue;
      }
      if (atStop(t, ownKinds, ownWords)) {
        break;
      }
      AndOrList item = parseAndOr();
      if (item == null) {
        error(t.start, t.end, "unexpected '" + t.text + "'");
        next();
        continue;
      }
      Token sep = peek();
      if (sep.kind == Kind.AMP) {
        next();
        item = item.inBackground();
      } else if (sep.kind == Kind.SEMI) {
        next();
      }
      items.add(item);
    }
    if (items.isEmpty()) {
      return Sequence.empty(t.start);
    }
    return new Sequence(items, items.get(0).offset(), items.get(items.size() - 1).endOffset());
  }

  private boolean atStop(Token t, Set<Kind> ownKinds, Set<String> ownWords) {
    switch (t.kind) {
      case EOF, BACKTICK -> {
        return true;
      }
      case RPAREN -> {
        return parenNest > 0 || ownKinds.contains(t.kind);
      }
      case DSEMI, SEMI_AMP, DSEMI_AMP -> {
        return caseItemNest > 0 || ownKinds.contains(t.kind);
      }
      case WORD -> {
        String k = keyword(t);
        if (k == null) {
          return false;
        }
        if (ownWords.contains(k)) {
          return true;
        }
        return switch (k) {
          case "}" -> braceNest > 0;
          case "then", "elif", "else", "fi" -> ifNest > 0;
          case "do", "done" -> loopNest > 0;
          case "esac" -> caseNest > 0;
          default -> false;
        };
      }
      default -> {
        return ownKinds.contains(t.kind);
      }
    }
  }

  private @Nullable AndOrList parseAndOr() {
    Pipeline first = parsePipeline();
    if (first == null) {
      return null;
    }
    List<Pipeline> pipelines = new ArrayList<>();
    List<AndOrList.Connector> connectors = new ArrayList<>();
    pipelines.add(first);
    while (true) {
      Token op = peek();
      if (op.kind != Kind.AND_IF && op.kind != Kind.OR_IF) {
        break;
      }
      next();
      skipNewlines();
      Pipeline p = parsePipeline();
      if (p == null) {
        error(op.start, op.end, "missing command after '" + op.text + "'");
        break;
      }
      connectors.add(op.kind == Kind.AND_IF ? AndOrList.Connector.AND : AndOrList.Connector.OR);
      pipelines.add(p);
    }
    return new AndOrList(
        pipelines,
        connectors,
        false,
        first.offset(),
        pipelines.get(pipelines.size() - 1).endOffset());
  }

  private @Nullable Pipeline parsePipeline() {
    Token t = peek();
    int start = t.start;
    boolean negated = false;
    while (t.kind == Kind.WORD && "!".equals(keyword(t))) {
      negated = !negated;
      next();
      t = peek();
    }
    CommandNode first = parseCommand();
    if (first == null) {
      if (start != t.start) {
        error(start, t.start, "missing command after '!'");
      }
      return null;
    }
    List<CommandNode> commands = new ArrayList<>(2); // most pipelines are one command
    List<Pipeline.Pipe> pipes = new ArrayList<>();
    commands.add(first);
    while (true) {
      Token op = peek();
      if (op.kind != Kind.PIPE && op.kind != Kind.PIPE_AMP) {
        break;
      }
      next();
      skipNewlines();
      CommandNode c = parseCommand();
      if (c == null) {
        error(op.start, op.end, "missing command after '" + op.text + "'");
        break;
      }
      pipes.add(op.kind == Kind.PIPE ? Pipeline.Pipe.STDOUT : Pipeline.Pipe.STDOUT_AND_STDERR);
      commands.add(c);
    }
    return new Pipeline(
        commands, pipes, negated, start, commands.get(commands.size() - 1).endOffset());
  }

  private @Nullable CommandNode parseCommand() {
    Token t = peek();
    switch (t.kind) {
      case LPAREN -> {
        return parseSubshell();
      }
      case WORD -> {
        String k = keyword(t);
        if (k != null && depth < MAX_DEPTH) {
          switch (k) {
            case "{" -> {
              return parseBraceGroup();
            }
            case "if" -> {
              return parseIf();
            }
            case "for" -> {
              return parseFor();
            }
            case "while" -> {
              return parseLoop(CommandNode.LoopKind.WHILE);
            }
            case "until" -> {
              return parseLoop(CommandNode.LoopKind.UNTIL);
            }
            case "case" -> {
              return parseCase();
            }
            case "function" -> {
              return parseFunctionKeyword();
            }
            default -> {
              if (MISPLACED.contains(k)) {
                error(t.start, t.end, "unexpected '" + k + "'");
              }
            }
          }
        }
        return parseSimple();
      }
      case IO_NUMBER, REDIR -> {
        return parseSimple();
      }
      default -> {
        return null;
      }
    }
  }

  private CommandNode parseSubshell() {
    Token open = next();
    if (depth >= MAX_DEPTH) {
      int end = scanBalanced(pos, '(', ')');
      error(open.start, end, "nesting too deep; not analysed");
      pos = end;
      return new CommandNode.Subshell(Sequence.empty(open.end), List.of(), open.start, end);
    }
    depth++;
    parenNest++;
    Sequence body = parseSequence(EnumSet.of(Kind.RPAREN), Set.of());
    parenNest--;
    if (body.items().isEmpty()) {
      error(open.start, open.end, "empty subshell");
    }
    int end = closeWith(open, Kind.RPAREN, ")", body);
    depth--;
    List<Redirection> redirections = parseTrailingRedirections();
    return new CommandNode.Subshell(body, redirections, open.start, endOf(end, redirections));
  }

  private CommandNode parseBraceGroup() {
    Token open = next();
    depth++;
    braceNest++;
    Sequence body = parseSequence(EnumSet.noneOf(Kind.class), Set.of("}"));
    braceNest--;
    int end = closeWithWord(open, "}", body);
    depth--;
    List<Redirection> redirections = parseTrailingRedirections();
    return new CommandNode.BraceGroup(body, redirections, open.start, endOf(end, redirections));
  }

  private CommandNode parseIf() {
    Token open = next();
    depth++;
    ifNest++;
    List<CommandNode.IfBranch> branches = new ArrayList<>();
    Optional<Sequence> elseBody = Optional.empty();
    int end;
    Token branchStart = open;
    while (true) {
      Sequence condition = parseSequence(EnumSet.noneOf(Kind.class), Set.of("then"));
      int thenEnd = closeWithWord(branchStart, "then", condition);
      Sequence body = parseSequence(EnumSet.noneOf(Kind.class), Set.of("elif", "else", "fi"));
      branches.add(
          new CommandNode.IfBranch(
              condition, body, branchStart.start, Math.max(thenEnd, body.endOffset())));
      Token t = peek();
      if ("elif".equals(keyword(t))) {
        branchStart = next();
        continue;
      }
      if ("else".equals(keyword(t))) {
        next();
        elseBody = Optional.of(parseSequence(EnumSet.noneOf(Kind.class), Set.of("fi")));
      }
      end = closeWithWord(open, "fi", elseBody.orElse(body));
      break;
    }
    ifNest--;
    depth--;
    List<Redirection> redirections = parseTrailingRedirections();
    return new CommandNode.If(
        branches, elseBody, redirections, open.start, endOf(end, redirections));
  }

  private CommandNode parseFor() {
    Token open = next();
    depth++;
    String variable = "";
    Optional<List<Word>> items = Optional.empty();
    Token t = peek();
    if (t.kind == Kind.WORD && keyword(t) == null) {
      next();
      variable = t.word == null ? t.text : t.word.text();
    } else if (t.kind == Kind.LPAREN) {
      // bash arithmetic for ((init; test; step)): kept as text
      int end = scanBalanced(t.end, '(', ')');
      variable = src.substring(t.start, end);
      pos = end;
      peeked = null;
    } else {
      error(open.start, open.end, "missing variable name after 'for'");
    }
    skipNewlines();
    t = peek();
    if ("in".equals(keyword(t))) {
      next();
      List<Word> words = new ArrayList<>();
      while ((t = peek()).kind == Kind.WORD) {
        next();
        words.add(t.word);
      }
      items = Optional.of(words);
    }
    t = peek();
    if (t.kind == Kind.SEMI) {
      next();
    }
    skipNewlines();
    int end = open.end;
    Sequence body = Sequence.empty(peek().start);
    if ("do".equals(keyword(peek()))) {
      Token doToken = next();
      loopNest++;
      body = parseSequence(EnumSet.noneOf(Kind.class), Set.of("done"));
      loopNest--;
      end = closeWithWord(doToken, "done", body);
    } else if (!"{".equals(keyword(peek()))) {
      error(open.start, open.end, "missing 'do' in 'for' loop");
    } else {
      // bash also accepts a brace group as the body of for
      CommandNode group = parseBraceGroup();
      body = sequenceOf(group);
      end = group.endOffset();
    }
    depth--;
    List<Redirection> redirections = parseTrailingRedirections();
    return new CommandNode.For(
        variable, items, body, redirections, open.start, endOf(end, redirections));
  }

  private CommandNode parseLoop(CommandNode.LoopKind kind) {
    Token open = next();
    depth++;
    loopNest++;
    Sequence condition = parseSequence(EnumSet.noneOf(Kind.class), Set.of("do"));
    Sequence body = Sequence.empty(condition.endOffset());
    int end;
    if ("do".equals(keyword(peek()))) {
      Token doToken = next();
      body = parseSequence(EnumSet.noneOf(Kind.class), Set.of("done"));
      end = closeWithWord(doToken, "done", body);
    } else {
      error(open.start, open.end, "missing 'do' for '" + open.text + "'");
      end = Math.max(open.end, condition.endOffset());
    }
    loopNest--;
    depth--;
    List<Redirection> redirections = parseTrailingRedirections();
    return new CommandNode.Loop(
        kind, condition, body, redirections, open.start, endOf(end, redirections));
  }

  private CommandNode parseCase() {
    Token open = next();
    depth++;
    Word subject;
    Token t = peek();
    if (t.kind == Kind.WORD && t.word != null) {
      next();
      subject = t.word;
    } else {
      error(open.start, open.end, "missing word after 'case'");
      subject = Word.empty(open.end);
    }
    skipNewlines();
    List<CommandNode.CaseItem> items = new ArrayList<>();
    int end = subject.endOffset();
    caseNest++;
    if (!"in".equals(keyword(peek()))) {
      error(open.start, open.end, "missing 'in' after 'case'");
    } else {
      end = next().end;
      while (true) {
        skipNewlines();
        t = peek();
        if ("esac".equals(keyword(t)) || t.kind == Kind.EOF || atStop(t, Set.of(), Set.of())) {
          break;
        }
        int itemStart = t.start;
        if (t.kind == Kind.LPAREN) {
          next();
        }
        List<Word> patterns = new ArrayList<>();
        while ((t = peek()).kind == Kind.WORD) {
          next();
          patterns.add(t.word);
          if (peek().kind != Kind.PIPE) {
            break;
          }
          next();
        }
        if (peek().kind != Kind.RPAREN) {
          error(itemStart, peek().end, "missing ')' after case pattern");
          break;
        }
        int itemEnd = next().end;
        caseItemNest++;
        Sequence body =
            parseSequence(EnumSet.of(Kind.DSEMI, Kind.SEMI_AMP, Kind.DSEMI_AMP), Set.of("esac"));
        caseItemNest--;
        itemEnd = Math.max(itemEnd, body.endOffset());
        t = peek();
        if (t.kind == Kind.DSEMI || t.kind == Kind.SEMI_AMP || t.kind == Kind.DSEMI_AMP) {
          itemEnd = next().end;
        }
        items.add(new CommandNode.CaseItem(patterns, body, itemStart, itemEnd));
        end = itemEnd;
      }
      end = closeWithWord(open, "esac", Sequence.empty(end));
    }
    caseNest--;
    depth--;
    List<Redirection> redirections = parseTrailingRedirections();
    return new CommandNode.Case(subject, items, redirections, open.start, endOf(end, redirections));
  }

  private CommandNode parseFunctionKeyword() {
    Token open = next();
    Token name = peek();
    if (name.kind != Kind.WORD || name.word == null) {
      error(open.start, open.end, "missing function name");
      return new SimpleCommand(List.of(), List.of(open.word), List.of(), open.start, open.end);
    }
    next();
    if (peek().kind == Kind.LPAREN) {
      next();
      expectKind(Kind.RPAREN, ")");
    }
    return parseFunctionBody(name.word.text(), open.start);
  }

  private CommandNode parseFunctionBody(String name, int start) {
    skipNewlines();
    depth++;
    CommandNode body = depth < MAX_DEPTH ? parseCommand() : null;
    depth--;
    if (body == null) {
      int at = peek().start;
      error(start, at, "missing function body for '" + name + "'");
      body = new CommandNode.BraceGroup(Sequence.empty(at), List.of(), at, at);
    }
    return new CommandNode.FunctionDefinition(name, body, List.of(), start, body.endOffset());
  }

  private CommandNode parseSimple() {
    int start = peek().start;
    int end = start;
    List<Assignment> assignments = new ArrayList<>();
    List<Word> words = new ArrayList<>();
    List<Redirection> redirections = new ArrayList<>();
    while (true) {
      Token t = peek();
      if (t.kind == Kind.WORD && t.word != null) {
        next();
        end = t.end;
        if (words.isEmpty()) {
          Assignment a = asAssignment(t.word);
          if (a != null) {
            assignments.add(a);
            continue;
          }
        }
        words.add(t.word);
        if (words.size() == 1
            && assignments.isEmpty()
            && redirections.isEmpty()
            && peek().kind == Kind.LPAREN
            && isFunctionName(t.word)) {
          if (depth >= MAX_DEPTH) {
            error(t.start, t.end, "nesting too deep; not analysed");
            break;
          }
          next();
          expectKind(Kind.RPAREN, ")");
          return parseFunctionBody(t.word.raw(), start);
        }
        if (words.size() == 1 && t.word.raw().equals("[[")) {
          end = parseTestExpression(words, end);
        }
      } else if (t.kind == Kind.IO_NUMBER || t.kind == Kind.REDIR) {
        Redirection r = parseRedirection();
        redirections.add(r);
        end = r.endOffset();
      } else {
        break;
      }
    }
    return new SimpleCommand(assignments, words, redirections, start, end);
  }

  /** Reads bash's {@code [[ ... ]]}, where operators such as {@code &&} and {@code <} are words. */
  private int parseTestExpression(List<Word> words, int end) {
    while (true) {
      Token t = peek();
      if (t.kind == Kind.WORD && t.word != null) {
        next();
        words.add(t.word);
        end = t.end;
        if (t.word.raw().equals("]]")) {
          return end;
        }
      } else if (t.kind == Kind.AND_IF
          || t.kind == Kind.OR_IF
          || t.kind == Kind.LPAREN
          || t.kind == Kind.RPAREN
          || (t.kind == Kind.REDIR && (t.text.equals("<") || t.text.equals(">")))) {
        next();
        words.add(Word.literal(t.text, t.start));
        end = t.end;
      } else {
        error(words.get(0).offset(), end, "missing ']]'");
        return end;
      }
    }
  }

  private Redirection parseRedirection() {
    Token t = next();
    int start = t.start;
    OptionalInt fd = OptionalInt.empty();
    if (t.kind == Kind.IO_NUMBER) {
      if (t.text.length() <= 9) {
        fd = OptionalInt.of(Integer.parseInt(t.text));
      }
      if (peek().kind != Kind.REDIR) {
        error(t.start, t.end, "missing redirection operator");
        return new Redirection(fd, "", Word.empty(t.end), Optional.empty(), start, t.end);
      }
      t = next();
    }
    String operator = t.text;
    Token target = peek();
    Word word;
    int end;
    if (target.kind == Kind.WORD && target.word != null) {
      next();
      word = target.word;
      end = target.end;
    } else {
      error(t.start, t.end, "missing target for '" + operator + "'");
      word = Word.empty(t.end);
      end = t.end;
    }
    Optional<HereDocument> doc = Optional.empty();
    if (operator.equals("<<") || operator.equals("<<-")) {
      boolean quoted = word.isQuoted() || word.raw().indexOf('\\') >= 0;
      HereDocument h = new HereDocument(word.text(), quoted, operator.equals("<<-"));
      pending.add(h);
      doc = Optional.of(h);
    }
    return new Redirection(fd, operator, word, doc, start, end);
  }

  private List<Redirection> parseTrailingRedirections() {
    List<Redirection> out = new ArrayList<>();
    while (peek().kind == Kind.IO_NUMBER || peek().kind == Kind.REDIR) {
      out.add(parseRedirection());
    }
    return out;
  }

  private static Sequence sequenceOf(CommandNode node) {
    Pipeline pipeline =
        new Pipeline(List.of(node), List.of(), false, node.offset(), node.endOffset());
    AndOrList list =
        new AndOrList(List.of(pipeline), List.of(), false, node.offset(), node.endOffset());
    return new Sequence(List.of(list), node.offset(), node.endOffset());
  }

  private static int endOf(int end, List<Redirection> redirections) {
    return redirections.isEmpty() ? end : redirections.get(redirections.size() - 1).endOffset();
  }

  /** Consumes the closing token of a construct, or reports it missing; returns the end offset. */
  private int closeWith(Token open, Kind kind, String text, Sequence body) {
    Token t = peek();
    if (t.kind == kind) {
      next();
      return t.end;
    }
    error(open.start, open.end, "missing '" + text + "' for '" + open.text + "'");
    return Math.max(open.end, body.endOffset());
  }

  private int closeWithWord(Token open, String word, Sequence body) {
    Token t = peek();
    if (word.equals(keyword(t))) {
      next();
      return t.end;
    }
    error(open.start, open.end, "missing '" + word + "' for '" + open.text + "'");
    return Math.max(open.end, body.endOffset());
  }

  private void expectKind(Kind kind, String text) {
    Token t = peek();
    if (t.kind == kind) {
      next();
    } else {
      error(t.start, t.end, "expected '" + text + "'");
    }
  }

  private void skipNewlines() {
    while (peek().kind == Kind.NEWLINE) {
      next();
    }
  }

  private static @Nullable String keyword(Token t) {
    if (t.kind != Kind.WORD || t.word == null) {
      return null;
    }
    String raw = t.word.raw();
    return RESERVED.contains(raw) ? raw : null;
  }

  private static boolean isFunctionName(Word word) {
    String raw = word.raw();
    if (raw.isEmpty() || RESERVED.contains(raw) || !isNameStart(raw.charAt(0))) {
      return false;
    }
    for (int i = 1; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (!isNameChar(c) && c != '-' && c != '.' && c != ':') {
        return false;
      }
    }
    return true;
  }

  /** Splits {@code NAME=value}, {@code NAME+=value} or {@code NAME[i]=value}, if it is one. */
  private static @Nullable Assignment asAssignment(Word word) {
    if (word.parts().isEmpty() || !(word.parts().get(0) instanceof WordPart.Literal first)) {
      return null;
    }
    String raw = word.raw();
    int firstLength = first.endOffset() - first.offset();
    if (firstLength == 0 || !isNameStart(raw.charAt(0))) {
      return null;
    }
    int i = 1;
    while (i < firstLength && isNameChar(raw.charAt(i))) {
      i++;
    }
    int nameEnd = i;
    if (i < firstLength && raw.charAt(i) == '[') {
      int close = raw.indexOf(']', i);
      if (close < 0 || close >= firstLength || raw.substring(i, close).indexOf('\\') >= 0) {
        return null;
      }
      i = close + 1;
    }
    if (i < firstLength && raw.charAt(i) == '+') {
      i++;
    }
    if (i >= firstLength || raw.charAt(i) != '=') {
      return null;
    }
    int valueStart = word.offset() + i + 1;
    List<WordPart> valueParts = new ArrayList<>();
    String rest = first.value().substring(i + 1);
    if (!rest.isEmpty()) {
      valueParts.add(new WordPart.Literal(rest, valueStart, first.endOffset()));
    }
    valueParts.addAll(word.parts().subList(1, word.parts().size()));
    Word value = new Word(raw.substring(i + 1), valueParts, valueStart, word.endOffset());
    return new Assignment(raw.substring(0, nameEnd), value, word.offset(), word.endOffset());
  }

  // ---------------------------------------------------------------- tokens

  private Token peek() {
    Token t = peeked;
    if (t == null) {
      t = lexToken();
      peeked = t;
    }
    return t;
  }

  private Token next() {
    Token t = peek();
    peeked = null;
    return t;
  }

  private Token lexToken() {
    while (pos < limit) {
      char c = src.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B) {
        pos++;
      } else if (c == '\\' && pos + 1 < limit && src.charAt(pos + 1) == '\n') {
        pos += 2;
      } else if (c == '#') {
        while (pos < limit && src.charAt(pos) != '\n') {
          pos++;
        }
      } else {
        break;
      }
    }
    int start = pos;
    if (pos >= limit) {
      return new Token(Kind.EOF, "end of input", limit, limit, null);
    }
    char c = src.charAt(pos);
    char n = pos + 1 < limit ? src.charAt(pos + 1) : '\0';
    char n2 = pos + 2 < limit ? src.charAt(pos + 2) : '\0';
    switch (c) {
      case '\n' -> {
        pos++;
        readHereDocuments();
        return new Token(Kind.NEWLINE, "newline", start, pos, null);
      }
      case '`' -> {
        if (inBacktick) {
          return op(Kind.BACKTICK, 1);
        }
      }
      case '&' -> {
        if (n == '&') {
          return op(Kind.AND_IF, 2);
        }
        if (n == '>') {
          return op(Kind.REDIR, n2 == '>' ? 3 : 2);
        }
        return op(Kind.AMP, 1);
      }
      case '|' -> {
        if (n == '|') {
          return op(Kind.OR_IF, 2);
        }
        return n == '&' ? op(Kind.PIPE_AMP, 2) : op(Kind.PIPE, 1);
      }
      case ';' -> {
        if (n == ';') {
          return n2 == '&' ? op(Kind.DSEMI_AMP, 3) : op(Kind.DSEMI, 2);
        }
        return n == '&' ? op(Kind.SEMI_AMP, 2) : op(Kind.SEMI, 1);
      }
      case '(' -> {
        return op(Kind.LPAREN, 1);
      }
      case ')' -> {
        return op(Kind.RPAREN, 1);
      }
      case '<' -> {
        if (n == '(') {
          return lexWordToken();
        }
        if (n == '<') {
          return op(Kind.REDIR, n2 == '<' || n2 == '-' ? 3 : 2);
        }
        return op(Kind.REDIR, n == '&' || n == '>' ? 2 : 1);
      }
      case '>' -> {
        if (n == '(') {
          return lexWordToken();
        }
        return op(Kind.REDIR, n == '>' || n == '&' || n == '|' ? 2 : 1);
      }
      default -> {}
    }
    return lexWordToken();
  }

  private Token op(Kind kind, int length) {
    int start = pos;
    pos += length;
    return new Token(kind, src.substring(start, pos), start, pos, null);
  }

  private Token lexWordToken() {
    int start = pos;
    List<WordPart> parts = new ArrayList<>(2); // most words are one part (#3 lint speed)
    char c = src.charAt(pos);
    if ((c == '<' || c == '>') && pos + 1 < limit && src.charAt(pos + 1) == '(') {
      lexSubstitution(
          parts, c == '<' ? WordPart.Style.PROCESS_INPUT : WordPart.Style.PROCESS_OUTPUT, 2);
    }
    lexParts(Mode.UNQUOTED, parts);
    if (pos == start) {
      // a character that starts no token in this context, such as a stray backtick: keep it
      pos++;
      parts.add(new WordPart.Literal(src.substring(start, pos), start, pos));
    }
    Word word = new Word(src.substring(start, pos), parts, start, pos);
    if (pos < limit && (src.charAt(pos) == '<' || src.charAt(pos) == '>') && isDigits(word.raw())) {
      return new Token(Kind.IO_NUMBER, word.raw(), start, pos, word);
    }
    return new Token(Kind.WORD, word.raw(), start, pos, word);
  }

  // ---------------------------------------------------------------- words

  /** Lexes word parts from {@code pos} until the end of the word in the given mode. */
  private void lexParts(Mode mode, List<WordPart> out) {
    // The current literal is src[literalStart, pos) as written until an escape changes it; only
    // then is it copied into a builder (most words have no escapes: #3 lint speed).
    @Nullable StringBuilder literal = null;
    int literalStart = -1;
    boolean[] plain = mode == Mode.UNQUOTED ? PLAIN_UNQUOTED : mode == Mode.DOUBLE_QUOTED ? PLAIN_QUOTED : null;
    while (pos < limit) {
      if (plain != null && literal == null) {
        // A run of characters that only extend the current literal, skipped in one loop: what
        // the tests below would do for each of them, one at a time (#3 lint speed).
        int p = pos;
        while (p < limit) {
          char ch = src.charAt(p);
          if (ch < 128 && !plain[ch]) {
            break;
          }
          p++;
        }
        if (p > pos) {
          if (literalStart < 0) {
            literalStart = pos;
          }
          pos = p;
          continue;
        }
      }
      char c = src.charAt(pos);
      if (c == '`' && inBacktick) {
        break;
      }
      if (mode == Mode.UNQUOTED
          && c == '('
          && literalStart >= 0
          && isArrayAssignmentPrefix(literal != null ? literal : src.subSequence(literalStart, pos))) {
        // bash array assignment NAME=(a b c): keep the list unanalysed in the word
        int end = scanBalanced(pos + 1, '(', ')');
        out.add(new WordPart.Literal(literalText(literal, literalStart), literalStart, pos));
        out.add(new WordPart.Unparsed(src.substring(pos, end), pos, end));
        literal = null;
        literalStart = -1;
        pos = end;
        continue;
      }
      if (mode == Mode.UNQUOTED && isMeta(c)) {
        break;
      }
      if (mode == Mode.PARAMETER && c == '}') {
        break;
      }
      if (mode == Mode.DOUBLE_QUOTED && c == '"') {
        break;
      }
      boolean quotesActive = mode == Mode.UNQUOTED || mode == Mode.PARAMETER;
      if (c == '\\') {
        if (literalStart < 0) {
          literalStart = pos;
        }
        if (literal == null) {
          literal = new StringBuilder(pos - literalStart + 16).append(src, literalStart, pos);
        }
        if (pos + 1 >= limit) {
          literal.append(c);
          pos++;
          continue;
        }
        char n = src.charAt(pos + 1);
        if (n == '\n') {
          pos += 2;
        } else if (quotesActive
            || n == '$'
            || n == '`'
            || n == '\\'
            || (n == '"' && mode == Mode.DOUBLE_QUOTED)) {
          literal.append(n);
          pos += 2;
        } else {
          literal.append(c);
          pos++;
        }
        continue;
      }
      if ((quotesActive && (c == '\'' || c == '"')) || c == '`' || isExpansionStart(mode)) {
        if (literalStart >= 0) {
          out.add(new WordPart.Literal(literalText(literal, literalStart), literalStart, pos));
          literal = null;
          literalStart = -1;
        }
        switch (c) {
          case '\'' -> lexSingleQuoted(out);
          case '"' -> lexDoubleQuoted(out, pos);
          case '`' -> lexSubstitution(out, WordPart.Style.BACKTICK, 1);
          default -> lexDollar(mode, out);
        }
        continue;
      }
      if (literalStart < 0) {
        literalStart = pos;
      }
      if (literal != null) {
        literal.append(c);
      }
      pos++;
    }
    if (literalStart >= 0) {
      out.add(new WordPart.Literal(literalText(literal, literalStart), literalStart, pos));
    }
  }

  /** The literal lexed from {@code start} to {@code pos}: the builder's if escapes changed it. */
  private String literalText(@Nullable StringBuilder literal, int start) {
    return literal != null ? literal.toString() : src.substring(start, pos);
  }


  private boolean isExpansionStart(Mode mode) {
    if (src.charAt(pos) != '$' || pos + 1 >= limit) {
      return false;
    }
    char n = src.charAt(pos + 1);
    if (n == '{'
        || n == '('
        || isNameStart(n)
        || Character.isDigit(n)
        || "@*#?-$!".indexOf(n) >= 0) {
      return true;
    }
    return (n == '\'' || n == '"') && (mode == Mode.UNQUOTED || mode == Mode.PARAMETER);
  }

  private static boolean isArrayAssignmentPrefix(CharSequence text) {
    int n = text.length();
    if (n < 2 || text.charAt(n - 1) != '=' || !isNameStart(text.charAt(0))) {
      return false;
    }
    int end = text.charAt(n - 2) == '+' ? n - 2 : n - 1;
    for (int i = 1; i < end; i++) {
      if (!isNameChar(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private void lexSingleQuoted(List<WordPart> out) {
    int start = pos;
    int close = src.indexOf('\'', pos + 1);
    if (close < 0 || close >= limit) {
      error(start, limit, "unterminated single quote");
      pos = limit;
      out.add(new WordPart.SingleQuoted(src.substring(start + 1, limit), start, limit));
      return;
    }
    pos = close + 1;
    out.add(new WordPart.SingleQuoted(src.substring(start + 1, close), start, pos));
  }

  private void lexDoubleQuoted(List<WordPart> out, int partStart) {
    int start = pos;
    pos++;
    List<WordPart> inner = new ArrayList<>();
    lexParts(Mode.DOUBLE_QUOTED, inner);
    if (pos < limit && src.charAt(pos) == '"') {
      pos++;
    } else {
      error(start, pos, "unterminated double quote");
    }
    out.add(new WordPart.DoubleQuoted(inner, partStart, pos));
  }

  private void lexDollar(Mode mode, List<WordPart> out) {
    int start = pos;
    char n = src.charAt(pos + 1);
    switch (n) {
      case '{' -> lexBraceParameter(out);
      case '(' -> {
        if (pos + 2 < limit && src.charAt(pos + 2) == '(') {
          lexArithmetic(out);
        } else {
          lexSubstitution(out, WordPart.Style.DOLLAR_PAREN, 2);
        }
      }
      case '\'' -> lexAnsiC(out);
      case '"' -> {
        pos++;
        lexDoubleQuoted(out, start);
      }
      default -> {
        pos++;
        if (isNameStart(n)) {
          while (pos < limit && isNameChar(src.charAt(pos))) {
            pos++;
          }
        } else {
          pos++;
        }
        String name = src.substring(start + 1, pos);
        out.add(
            new WordPart.Parameter(
                name, "", Optional.empty(), src.substring(start, pos), start, pos));
      }
    }
  }

  private void lexBraceParameter(List<WordPart> out) {
    int start = pos;
    pos += 2;
    if (depth >= MAX_DEPTH) {
      int end = scanBalanced(pos, '{', '}');
      error(start, end, "nesting too deep; not analysed");
      pos = end;
      out.add(new WordPart.Unparsed(src.substring(start, end), start, end));
      return;
    }
    int nameStart = pos;
    if (pos + 1 < limit
        && (src.charAt(pos) == '#' || src.charAt(pos) == '!')
        && src.charAt(pos + 1) != '}') {
      pos++;
    }
    if (pos < limit) {
      char c = src.charAt(pos);
      if (isNameStart(c)) {
        while (pos < limit && isNameChar(src.charAt(pos))) {
          pos++;
        }
      } else if (Character.isDigit(c)) {
        while (pos < limit && Character.isDigit(src.charAt(pos))) {
          pos++;
        }
      } else if ("@*#?-$!".indexOf(c) >= 0) {
        pos++;
      }
    }
    if (pos < limit && src.charAt(pos) == '[') {
      int close = src.indexOf(']', pos);
      int brace = src.indexOf('}', pos);
      if (close >= 0 && close < limit && (brace < 0 || close < brace)) {
        pos = close + 1;
      }
    }
    String name = src.substring(nameStart, pos);
    String operator = "";
    for (String candidate : PARAMETER_OPERATORS) {
      if (src.startsWith(candidate, pos) && pos + candidate.length() <= limit) {
        operator = candidate;
        break;
      }
    }
    pos += operator.length();
    Optional<Word> argument = Optional.empty();
    if (!operator.isEmpty() || (pos < limit && src.charAt(pos) != '}')) {
      if (operator.isEmpty() || name.isEmpty()) {
        error(start, pos, "bad substitution");
      }
      int argumentStart = pos;
      List<WordPart> parts = new ArrayList<>();
      depth++;
      lexParts(Mode.PARAMETER, parts);
      depth--;
      argument =
          Optional.of(new Word(src.substring(argumentStart, pos), parts, argumentStart, pos));
    }
    if (pos < limit && src.charAt(pos) == '}') {
      pos++;
    } else {
      error(start, pos, "unterminated '${'");
    }
    out.add(
        new WordPart.Parameter(name, operator, argument, src.substring(start, pos), start, pos));
  }

  private void lexArithmetic(List<WordPart> out) {
    int start = pos;
    int i = pos + 3;
    int level = 2;
    while (i < limit) {
      char c = src.charAt(i);
      if (c == '(') {
        level++;
      } else if (c == ')') {
        level--;
        if (level == 0) {
          break;
        }
      }
      i++;
    }
    if (i >= limit) {
      error(start, limit, "unterminated '$(('");
      pos = limit;
      out.add(
          new WordPart.Arithmetic(src.substring(Math.min(start + 3, limit), limit), start, limit));
      return;
    }
    pos = i + 1;
    out.add(
        new WordPart.Arithmetic(src.substring(start + 3, Math.max(start + 3, i - 1)), start, pos));
  }

  private void lexAnsiC(List<WordPart> out) {
    int start = pos;
    pos += 2;
    StringBuilder value = new StringBuilder();
    while (pos < limit && src.charAt(pos) != '\'') {
      char c = src.charAt(pos);
      if (c == '\\' && pos + 1 < limit) {
        char n = src.charAt(pos + 1);
        value.append(
            switch (n) {
              case 'n' -> '\n';
              case 't' -> '\t';
              case 'r' -> '\r';
              case 'a' -> '\u0007';
              case 'b' -> '\b';
              case 'e', 'E' -> '\u001b';
              case 'f' -> '\f';
              case 'v' -> '\u000b';
              default -> n;
            });
        pos += 2;
      } else {
        value.append(c);
        pos++;
      }
    }
    if (pos < limit) {
      pos++;
    } else {
      error(start, limit, "unterminated $' quote");
    }
    out.add(new WordPart.SingleQuoted(value.toString(), start, pos));
  }

  /** Parses {@code $( ... )}, {@code ` ... `}, {@code <( ... )} or {@code >( ... )} in place. */
  private void lexSubstitution(List<WordPart> out, WordPart.Style style, int openLength) {
    int start = pos;
    pos += openLength;
    boolean backtick = style == WordPart.Style.BACKTICK;
    if (depth >= MAX_DEPTH) {
      int end = backtick ? scanBacktick(pos) : scanBalanced(pos, '(', ')');
      error(start, end, "nesting too deep; not analysed");
      pos = end;
      out.add(new WordPart.Unparsed(src.substring(start, end), start, end));
      return;
    }
    Token savedPeek = peeked;
    int[] saved = {parenNest, braceNest, ifNest, loopNest, caseNest, caseItemNest};
    boolean savedBacktick = inBacktick;
    peeked = null;
    parenNest = backtick ? 0 : 1;
    braceNest = ifNest = loopNest = caseNest = caseItemNest = 0;
    inBacktick = backtick;
    depth++;
    Kind closer = backtick ? Kind.BACKTICK : Kind.RPAREN;
    Sequence body = parseSequence(EnumSet.of(closer), Set.of());
    Token close = next();
    if (close.kind != closer) {
      error(
          start,
          Math.min(start + openLength, limit),
          "unterminated '" + src.substring(start, Math.min(start + openLength, limit)) + "'");
    }
    depth--;
    inBacktick = savedBacktick;
    parenNest = saved[0];
    braceNest = saved[1];
    ifNest = saved[2];
    loopNest = saved[3];
    caseNest = saved[4];
    caseItemNest = saved[5];
    peeked = savedPeek;
    out.add(new WordPart.CommandSubstitution(body, style, start, pos));
  }

  private void readHereDocuments() {
    if (pending.isEmpty()) {
      return;
    }
    List<HereDocument> docs = pending;
    pending = new ArrayList<>();
    for (HereDocument doc : docs) {
      int bodyStart = pos;
      int bodyEnd = limit;
      int after = limit;
      boolean terminated = false;
      int p = pos;
      String delimiter = doc.delimiter();
      while (p < limit) {
        int newline = src.indexOf('\n', p);
        int lineEnd = newline < 0 || newline >= limit ? limit : newline;
        int s = p;
        if (doc.stripTabs()) {
          while (s < lineEnd && src.charAt(s) == '\t') {
            s++;
          }
        }
        int e = lineEnd > s && src.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
        if (e - s == delimiter.length() && src.startsWith(delimiter, s)) {
          bodyEnd = p;
          after = lineEnd < limit ? lineEnd + 1 : limit;
          terminated = true;
          break;
        }
        p = lineEnd < limit ? lineEnd + 1 : limit;
      }
      if (!terminated) {
        error(bodyStart, limit, "here-document not terminated by '" + delimiter + "'");
      }
      List<WordPart> parts = new ArrayList<>();
      if (!doc.quoted()) {
        int savedLimit = limit;
        limit = bodyEnd;
        pos = bodyStart;
        while (pos < limit) {
          int before = pos;
          lexParts(Mode.HERE_DOCUMENT, parts);
          if (pos == before) {
            pos++;
            parts.add(new WordPart.Literal(src.substring(before, pos), before, pos));
          }
        }
        limit = savedLimit;
      }
      pos = after;
      doc.complete(src.substring(bodyStart, bodyEnd), bodyStart, bodyEnd, parts, terminated);
    }
  }

  // ---------------------------------------------------------------- scanning helpers

  /** Finds the end of a nested region without recursion; returns the index after its closer. */
  private int scanBalanced(int from, char open, char close) {
    int level = 1;
    int i = from;
    while (i < limit) {
      char c = src.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '\'') {
        int q = src.indexOf('\'', i + 1);
        i = q < 0 || q >= limit ? limit : q + 1;
        continue;
      }
      if (c == '"') {
        i++;
        while (i < limit && src.charAt(i) != '"') {
          i += src.charAt(i) == '\\' ? 2 : 1;
        }
        i++;
        continue;
      }
      if (c == open) {
        level++;
      } else if (c == close && --level == 0) {
        return i + 1;
      }
      i++;
    }
    error(Math.min(from, limit), limit, "missing '" + close + "'");
    return limit;
  }

  private int scanBacktick(int from) {
    int i = from;
    while (i < limit) {
      char c = src.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '`') {
        return i + 1;
      } else {
        i++;
      }
    }
    return limit;
  }

  private void error(int start, int end, String message) {
    if (errors.size() < MAX_ERRORS) {
      int s = Math.max(0, Math.min(start, src.length()));
      int e = Math.max(s, Math.min(end, src.length()));
      errors.add(new ShellError(s, e, message));
    }
  }

  /**
   * The ASCII characters that, unquoted or between double quotes, can only continue a literal: no
   * metacharacter, quote, escape, expansion, substitution or array-assignment parenthesis.
   */
  private static final boolean[] PLAIN_UNQUOTED = plain(c -> isMeta((char) c) || "'\"\\$`".indexOf(c) >= 0);

  private static final boolean[] PLAIN_QUOTED = plain(c -> "\"\\$`".indexOf(c) >= 0);

  private static boolean[] plain(IntPredicate special) {
    boolean[] table = new boolean[128];
    for (char c = 0; c < 128; c++) {
      table[c] = !special.test(c);
    }
    return table;
  }

  private static boolean isMeta(char c) {
    return switch (c) {
      case ' ', '\t', '\n', '\r', ';', '&', '|', '<', '>', '(', ')' -> true;
      default -> false;
    };
  }

  static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  static boolean isNameChar(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9');
  }

  private static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
