package dev.stowage.dockerfile.lexer;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Expands variables in a Dockerfile word and splits it into words exactly as BuildKit's shell
 * lexer ({@code frontend/dockerfile/shell}, type {@code Lex}) does on Unix: {@code $NAME}, {@code
 * ${NAME}} and the {@code ${NAME<op>word}} forms {@code :- - :+ + :? ? # ## % %% / //}, single
 * and double quotes, and the escape character ({@code \} or, after {@code # escape=`}, the
 * backtick).
 *
 * <p>Immutable and thread-safe. Every method runs in time linear in the length of the word and
 * of the expanded text (pattern operators add a factor of the pattern length), uses no recursion,
 * and fails only with {@link ExpansionException}.
 */
public final class ShellLexer {

  /** The default escape character of a Dockerfile. */
  public static final char DEFAULT_ESCAPE = '\\';

  /** Switches that change how the lexer treats quotes, escapes and unset variables. */
  public enum Option {
    /** Keep quote characters in the result (BuildKit's {@code RawQuotes}). */
    RAW_QUOTES,
    /** Keep escape characters in the result (BuildKit's {@code RawEscapes}). */
    RAW_ESCAPES,
    /** Treat quote characters as ordinary characters (BuildKit's {@code SkipProcessQuotes}). */
    SKIP_PROCESS_QUOTES,
    /** Leave a reference to an unset variable as written (BuildKit's {@code SkipUnsetEnv}). */
    SKIP_UNSET_ENV
  }

  private static final ShellLexer DEFAULT = new ShellLexer(DEFAULT_ESCAPE, Set.of());

  private final char escape;
  private final Set<Option> options;

  private ShellLexer(char escape, Set<Option> options) {
    this.escape = escape;
    this.options = options;
  }

  /** Returns a lexer with the default escape character {@code \} and no options. */
  public static ShellLexer of() {
    return DEFAULT;
  }

  /**
   * Returns a lexer for {@code escape}, which must be {@code \} or {@code `} (the values the
   * {@code # escape=} directive allows).
   *
   * @throws IllegalArgumentException for any other escape character
   */
  public static ShellLexer of(char escape, Option... options) {
    if (escape != '\\' && escape != '`') {
      throw new IllegalArgumentException(
          "escape character must be '\\' or '`', not '" + escape + "'");
    }
    EnumSet<Option> set = EnumSet.noneOf(Option.class);
    for (Option option : options) {
      set.add(Objects.requireNonNull(option, "option"));
    }
    return new ShellLexer(escape, Collections.unmodifiableSet(set));
  }

  /** Returns a lexer like this one with {@code options} added. */
  public ShellLexer with(Option... options) {
    EnumSet<Option> set = EnumSet.noneOf(Option.class);
    set.addAll(this.options);
    for (Option option : options) {
      set.add(Objects.requireNonNull(option, "option"));
    }
    return new ShellLexer(escape, Collections.unmodifiableSet(set));
  }

  /** The escape character. */
  public char escape() {
    return escape;
  }

  /** The options in effect (unmodifiable). */
  public Set<Option> options() {
    return options;
  }

  /**
   * Expands {@code word} to one string, keeping white space (BuildKit's {@code ProcessWord}).
   *
   * @throws ExpansionException if the word is malformed or a {@code ${NAME?message}} fails
   */
  public String processWord(String word, Environment environment) throws ExpansionException {
    Objects.requireNonNull(environment, "environment");
    if (isPlain(word)) {
      return word; // nothing to expand, unquote or unescape: most words (#3 lint speed)
    }
    return expand(word, environment, /* splitWords= */ false).result();
  }

  /**
   * Whether {@code word} is printable ASCII without {@code $}, quote or escape character: text the
   * expansion copies unchanged (other characters, such as a leading byte-order mark, take the
   * full path).
   */
  private boolean isPlain(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c < ' ' || c > '~' || c == '$' || c == '\'' || c == '"' || c == escape) {
        return false;
      }
    }
    return true;
  }

  /**
   * Expands {@code word} and splits the result on unquoted white space (BuildKit's {@code
   * ProcessWords}, which BuildKit applies to the arguments of EXPOSE); white space that comes
   * from a variable also splits, quoted or escaped white space does not.
   *
   * @throws ExpansionException if the word is malformed or a {@code ${NAME?message}} fails
   */
  public List<String> processWords(String word, Environment environment)
      throws ExpansionException {
    return expand(word, environment, /* splitWords= */ true).words();
  }

  /**
   * Expands {@code word} and reports which variable names it referenced, found or not
   * (BuildKit's {@code ProcessWordWithMatches}); the result also carries the split words.
   *
   * @throws ExpansionException if the word is malformed or a {@code ${NAME?message}} fails
   */
  public Expansion processWordWithMatches(String word, Environment environment)
      throws ExpansionException {
    return expand(word, environment, /* splitWords= */ true);
  }

  private Expansion expand(String word, Environment environment, boolean splitWords)
      throws ExpansionException {
    Objects.requireNonNull(word, "word");
    Objects.requireNonNull(environment, "environment");
    return new Expander(word, environment, escape, options, splitWords).run();
  }

  @Override
  public String toString() {
    return "ShellLexer[escape=" + escape + ", options=" + options + "]";
  }
}
