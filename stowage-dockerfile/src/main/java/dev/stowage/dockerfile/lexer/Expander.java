package dev.stowage.dockerfile.lexer;

import dev.stowage.dockerfile.lexer.GlobPattern.InvalidPatternException;
import dev.stowage.dockerfile.lexer.Text.TooLongException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Expands one word: the state of a single {@link ShellLexer} call. The nesting of {@code ${...}}
 * words and double quotes is kept on an explicit stack of frames instead of the Java call stack,
 * so that any depth of nesting works; each input character is read once and expanded text is
 * linked rather than copied between levels (see {@link Text}). Not thread-safe; used once.
 */
final class Expander {

  private static final int EOF = Runes.EOF;

  private final String source;
  private final int length;
  private final int escape;
  private final boolean rawQuotes;
  private final boolean processQuotes;
  private final boolean skipUnset;
  private final boolean rawEscapes;
  private final boolean splitWords;
  private final Environment environment;
  private final Set<String> matched = new LinkedHashSet<>();
  private final Set<String> unmatched = new LinkedHashSet<>();
  private final Deque<Frame> stack = new ArrayDeque<>();
  private int position;

  Expander(
      String source,
      Environment environment,
      char escape,
      Set<ShellLexer.Option> options,
      boolean splitWords) {
    this.source = source;
    this.length = source.length();
    this.environment = environment;
    this.escape = escape;
    this.rawQuotes = options.contains(ShellLexer.Option.RAW_QUOTES);
    this.rawEscapes = options.contains(ShellLexer.Option.RAW_ESCAPES);
    this.processQuotes = !options.contains(ShellLexer.Option.SKIP_PROCESS_QUOTES);
    this.skipUnset = options.contains(ShellLexer.Option.SKIP_UNSET_ENV);
    this.splitWords = splitWords;
    // Go's text/scanner drops a byte order mark at the start of its input.
    this.position = length > 0 && source.charAt(0) == Runes.BYTE_ORDER_MARK ? 1 : 0;
  }

  /** Expands the word; the words are split only if this expander was made to split them. */
  Expansion run() throws ExpansionException {
    WordFrame top = new WordFrame(EOF, rawEscapes, splitWords ? new Words() : null);
    stack.push(top);
    try {
      loop();
    } catch (Failure failure) {
      throw exception(failure.reason, failure.offset);
    } catch (TooLongException e) {
      throw new ExpansionException(source, position, "expanded text is too long");
    }
    List<String> words = top.words == null ? List.of() : top.words.finish();
    return new Expansion(top.result.toString(), words, matched, unmatched);
  }

  /**
   * BuildKit reports any failure that reaches a {@code ${...}} at the end of the input as the
   * missing closing character of the outermost one; other failures keep their reason.
   */
  private ExpansionException exception(String reason, int offset) {
    if (position >= length) {
      DollarFrame outermost = null;
      for (Iterator<Frame> frames = stack.descendingIterator(); frames.hasNext(); ) {
        if (frames.next() instanceof DollarFrame dollar) {
          outermost = dollar;
          break;
        }
      }
      if (outermost != null) {
        return new ExpansionException(
            source,
            outermost.start,
            outermost.stage == Stage.PATTERN
                ? "syntax error: missing '/' in ${}"
                : "syntax error: missing '}'");
      }
    }
    return new ExpansionException(source, offset, reason);
  }

  private int peek() {
    return position < length ? source.codePointAt(position) : EOF;
  }

  private int next() {
    if (position >= length) {
      return EOF;
    }
    int cp = source.codePointAt(position);
    position += Character.charCount(cp);
    return cp;
  }

  private void loop() throws Failure, TooLongException {
    while (true) {
      Frame frame = stack.peek();
      if (frame instanceof WordFrame word) {
        if (stepWord(word)) {
          return;
        }
      } else if (frame instanceof QuoteFrame quote) {
        stepDoubleQuote(quote);
      } else {
        throw new IllegalStateException("a ${ frame is never on top of the stack");
      }
    }
  }

  /** One step of reading a word up to its stop character; true when the whole input is done. */
  private boolean stepWord(WordFrame word) throws Failure, TooLongException {
    int cp = peek();
    if (cp == EOF) {
      if (word.stop != EOF) {
        throw new Failure(
            "unexpected end of statement while looking for matching "
                + Character.toString(word.stop),
            position);
      }
      stack.pop();
      return true;
    }
    if (word.stop != EOF && cp == word.stop) {
      next();
      stack.pop();
      onWordDone(word.result);
      return false;
    }
    if (cp == '$') {
      dollar();
      return false;
    }
    if (processQuotes && cp == '\'') {
      String quoted = singleQuote();
      word.result.append(quoted);
      if (word.words != null) {
        word.words.addRawString(quoted);
      }
      return false;
    }
    if (processQuotes && cp == '"') {
      QuoteFrame quote = new QuoteFrame(position, word.rawEscapes);
      next();
      if (rawQuotes) {
        quote.result.appendCodePoint('"');
      }
      stack.push(quote);
      return false;
    }
    cp = next();
    if (cp == escape) {
      if (word.rawEscapes) {
        word.result.appendCodePoint(cp);
        if (word.words != null) {
          word.words.addRawChar(cp);
        }
      }
      cp = next();
      if (cp == EOF) {
        return false; // a trailing escape is dropped; the next step sees the end
      }
      if (word.words != null) {
        word.words.addRawChar(cp);
      }
    } else if (word.words != null) {
      word.words.addChar(cp);
    }
    word.result.appendCodePoint(cp);
    return false;
  }

  /** Everything up to the closing single quote, taken literally; nothing can be escaped. */
  private String singleQuote() throws Failure {
    int start = position;
    next();
    int end = source.indexOf('\'', position);
    if (end < 0) {
      position = length;
      throw new Failure(
          "unexpected end of statement while looking for matching single-quote", start);
    }
    String content = source.substring(position, end);
    position = end + 1;
    return rawQuotes ? "'" + content + "'" : content;
  }

  /** One step inside double quotes, where only $ and the escape character are special. */
  private void stepDoubleQuote(QuoteFrame quote) throws Failure, TooLongException {
    int cp = peek();
    switch (cp) {
      case EOF ->
          throw new Failure(
              "unexpected end of statement while looking for matching double-quote",
              quote.start);
      case '"' -> {
        next();
        if (rawQuotes) {
          quote.result.appendCodePoint('"');
        }
        stack.pop();
        WordFrame word = (WordFrame) stack.peek();
        if (word.words != null) {
          String quoted = quote.result.toString();
          word.result.append(quoted);
          word.words.addRawString(quoted);
        } else {
          word.result.append(quote.result);
        }
      }
      case '$' -> dollar();
      default -> {
        cp = next();
        if (cp == escape) {
          if (quote.rawEscapes) {
            quote.result.appendCodePoint(cp);
          }
          int following = peek();
          if (following == EOF) {
            return; // the next step reports the missing closing quote
          }
          // Only ", $ and the escape character itself can be escaped; else the escape stays.
          if (following == '"' || following == '$' || following == escape) {
            cp = next();
          }
        }
        quote.result.appendCodePoint(cp);
      }
    }
  }

  /** Starts at a $: expands $NAME, ${NAME} at once, or pushes the frames for ${NAME<op>...}. */
  private void dollar() throws Failure, TooLongException {
    int start = position;
    next();
    if (peek() != '{') {
      String name = name();
      if (name.isEmpty()) {
        deliver("$");
        return;
      }
      Optional<String> value = lookup(name);
      deliver(value.isEmpty() && skipUnset ? "$" + name : value.orElse(""));
      return;
    }
    next();
    int first = peek();
    if (first == EOF) {
      throw new Failure("syntax error: missing '}'", start);
    }
    if (first == '{' || first == '}' || first == ':') {
      throw new Failure("syntax error: bad substitution", start);
    }
    String name = name();
    int op = next();
    String modifier = Runes.toString(op);
    boolean nullIsUnset = false;
    switch (op) {
      case '}' -> {
        Optional<String> value = lookup(name);
        deliver(value.isEmpty() && skipUnset ? "${" + name + "}" : value.orElse(""));
        return;
      }
      case '/' -> {
        DollarFrame dollar = new DollarFrame(start, name, "/", '/', false);
        if (peek() == '/') {
          next();
          dollar.replaceAll = true;
        }
        dollar.stage = Stage.PATTERN;
        stack.push(dollar);
        stack.push(new WordFrame('/', true, null));
        return;
      }
      case EOF -> throw new Failure("syntax error: missing '}'", start);
      case ':' -> {
        nullIsUnset = true;
        op = next();
        modifier += Runes.toString(op);
      }
      case '+', '-', '?', '#', '%' -> {}
      default ->
          throw new Failure("unsupported modifier (" + modifier + ") in substitution", start);
    }
    // After a colon any character gets here; unknown ones fail once the word is read.
    boolean patternWord = op == '#' || op == '%';
    if (nullIsUnset && patternWord) {
      throw new Failure("unsupported modifier (" + modifier + ") in substitution", start);
    }
    stack.push(new DollarFrame(start, name, modifier, op, nullIsUnset));
    stack.push(new WordFrame('}', patternWord, null));
  }

  /**
   * Reads a variable name: a run of digits (positional parameter), one special parameter
   * character, or letters, digits and underscores; empty if none of these follows.
   */
  private String name() {
    int first = peek();
    if (first == EOF) {
      return "";
    }
    if (Runes.isDigit(first)) {
      int start = position;
      while (Runes.isDigit(peek())) {
        next();
      }
      return source.substring(start, position);
    }
    if (Runes.isSpecialParameter(first)) {
      next();
      return Character.toString(first);
    }
    int start = position;
    while (Runes.isNameChar(peek())) {
      next();
    }
    return source.substring(start, position);
  }

  /** Hands the word read inside ${...} to the frame that waits for it. */
  private void onWordDone(Text word) throws Failure, TooLongException {
    DollarFrame dollar = (DollarFrame) stack.peek();
    if (dollar.stage == Stage.PATTERN) {
      dollar.pattern = word;
      dollar.stage = Stage.REPLACEMENT;
      stack.push(new WordFrame('}', true, null));
      return;
    }
    stack.pop();
    Text value =
        dollar.stage == Stage.REPLACEMENT ? replace(dollar, word) : modify(dollar, word);
    deliver(value);
  }

  /** ${NAME-word} and the other operators that take one word. */
  private Text modify(DollarFrame dollar, Text word) throws Failure, TooLongException {
    Optional<String> found = lookup(dollar.name);
    if (skipUnset && found.isEmpty()) {
      Text kept = Text.of("${" + dollar.name + dollar.modifier);
      kept.append(word);
      kept.append("}");
      return kept;
    }
    boolean set = found.isPresent();
    String value = found.orElse("");
    boolean useWord = set && !(dollar.nullIsUnset && value.isEmpty());
    switch (dollar.op) {
      case '-' -> {
        return useWord ? Text.of(value) : word;
      }
      case '+' -> {
        return useWord ? word : new Text();
      }
      case '?' -> {
        if (!set) {
          throw new Failure(
              dollar.name + ": " + (word.isEmpty() ? "is not allowed to be unset" : word),
              dollar.start);
        }
        if (dollar.nullIsUnset && value.isEmpty()) {
          throw new Failure(
              dollar.name + ": " + (word.isEmpty() ? "is not allowed to be empty" : word),
              dollar.start);
        }
        return Text.of(value);
      }
      case '#', '%' -> {
        String pattern = word.toString();
        boolean greedy = !pattern.isEmpty() && pattern.charAt(0) == dollar.op;
        if (greedy) {
          pattern = pattern.substring(1);
        }
        try {
          return Text.of(
              dollar.op == '%'
                  ? Substitutions.trimSuffix(pattern, value, greedy)
                  : Substitutions.trimPrefix(pattern, value, greedy));
        } catch (InvalidPatternException e) {
          throw invalidPattern(dollar, pattern, e);
        }
      }
      default ->
          throw new Failure(
              "unsupported modifier (" + dollar.modifier + ") in substitution", dollar.start);
    }
  }

  /** ${NAME/pattern/replacement} and ${NAME//pattern/replacement}. */
  private Text replace(DollarFrame dollar, Text replacement) throws Failure, TooLongException {
    Optional<String> found = lookup(dollar.name);
    if (skipUnset && found.isEmpty()) {
      // BuildKit writes a single slash back, also for //.
      Text kept = Text.of("${" + dollar.name + "/");
      kept.append(dollar.pattern);
      kept.append("/");
      kept.append(replacement);
      kept.append("}");
      return kept;
    }
    String value = found.orElse("");
    String pattern = dollar.pattern.toString();
    try {
      return Text.of(
          dollar.replaceAll
              ? Substitutions.replaceAll(pattern, value, replacement.toString())
              : Substitutions.replaceFirst(pattern, value, replacement.toString()));
    } catch (InvalidPatternException e) {
      throw invalidPattern(dollar, pattern, e);
    }
  }

  private static Failure invalidPattern(
      DollarFrame dollar, String pattern, InvalidPatternException e) {
    String shown = pattern.length() > 80 ? pattern.substring(0, 80) + "..." : pattern;
    return new Failure(
        "invalid pattern (" + shown + ") in substitution: " + e.getMessage(), dollar.start);
  }

  private void deliver(String value) throws TooLongException {
    deliver(Text.of(value));
  }

  /** Adds the value of a $ expansion to the word or quoted string that contains it. */
  private void deliver(Text value) throws TooLongException {
    Frame parent = stack.peek();
    if (parent instanceof WordFrame word) {
      if (word.words != null) {
        String expanded = value.toString();
        word.result.append(expanded);
        word.words.addString(expanded);
      } else {
        word.result.append(value);
      }
    } else if (parent instanceof QuoteFrame quote) {
      quote.result.append(value);
    } else {
      throw new IllegalStateException("a $ expansion always sits in a word or quoted string");
    }
  }

  private Optional<String> lookup(String name) {
    Optional<String> value = environment.lookup(name);
    if (value != null && value.isPresent()) {
      matched.add(name);
      return value;
    }
    unmatched.add(name);
    return Optional.empty();
  }

  private sealed interface Frame permits WordFrame, QuoteFrame, DollarFrame {}

  /** Text read up to a stop character ('}' or '/'), or to the end of input for the top level. */
  private static final class WordFrame implements Frame {
    final int stop;
    final boolean rawEscapes;
    final Words words; // only at the top level: nested words are never split
    final Text result = new Text();

    WordFrame(int stop, boolean rawEscapes, Words words) {
      this.stop = stop;
      this.rawEscapes = rawEscapes;
      this.words = words;
    }
  }

  /** A double-quoted string. */
  private static final class QuoteFrame implements Frame {
    final int start;
    final boolean rawEscapes;
    final Text result = new Text();

    QuoteFrame(int start, boolean rawEscapes) {
      this.start = start;
      this.rawEscapes = rawEscapes;
    }
  }

  private enum Stage {
    WORD,
    PATTERN,
    REPLACEMENT
  }

  /** A ${NAME<op>...} waiting for the word (or pattern, then replacement) that follows op. */
  private static final class DollarFrame implements Frame {
    final int start;
    final String name;
    final String modifier;
    final int op;
    final boolean nullIsUnset;
    Stage stage = Stage.WORD;
    boolean replaceAll;
    Text pattern;

    DollarFrame(int start, String name, String modifier, int op, boolean nullIsUnset) {
      this.start = start;
      this.name = name;
      this.modifier = modifier;
      this.op = op;
      this.nullIsUnset = nullIsUnset;
    }
  }

  /** An expansion error with its reason and offset, before BuildKit's end-of-input rewrite. */
  private static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    final String reason;
    final int offset;

    Failure(String reason, int offset) {
      super(reason, null, false, false);
      this.reason = reason;
      this.offset = offset;
    }
  }
}
