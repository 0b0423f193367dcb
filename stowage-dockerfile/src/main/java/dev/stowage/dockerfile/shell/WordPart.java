package dev.stowage.dockerfile.shell;

import java.util.List;
import java.util.Optional;

/**
 * One piece of a {@link Word}: literal text, a quoted string or an expansion; all variants are
 * immutable and their offsets are 0-based into the parsed input.
 */
public sealed interface WordPart extends Node
    permits WordPart.Literal,
        WordPart.SingleQuoted,
        WordPart.DoubleQuoted,
        WordPart.Parameter,
        WordPart.CommandSubstitution,
        WordPart.Arithmetic,
        WordPart.Unparsed {

  /** Unquoted text with backslash escapes removed. */
  record Literal(String value, int offset, int endOffset) implements WordPart {}

  /** {@code 'text'}, or bash's {@code $'text'} with its escapes decoded. */
  record SingleQuoted(String value, int offset, int endOffset) implements WordPart {}

  /** {@code "..."} with its literal text and expansions. */
  record DoubleQuoted(List<WordPart> parts, int offset, int endOffset) implements WordPart {
    /** Copies the part list. */
    public DoubleQuoted {
      parts = List.copyOf(parts);
    }
  }

  /**
   * {@code $NAME}, {@code $1}, {@code $@} or <code>${NAME op argument}</code>; {@code operator} is
   * empty for a plain reference and otherwise one of {@code :- - := = :? ? :+ + # ## % %% / // /#
   * /% ^ ^^ , ,, : @ *}; {@code raw} is the expansion as written.
   */
  record Parameter(
      String name, String operator, Optional<Word> argument, String raw, int offset, int endOffset)
      implements WordPart {}

  /** {@code $(...)}, {@code `...`} or a bash process substitution, with its parsed body. */
  record CommandSubstitution(Sequence body, Style style, int offset, int endOffset)
      implements WordPart {}

  /** How a {@link CommandSubstitution} was written. */
  enum Style {
    /** {@code $( ... )}. */
    DOLLAR_PAREN,
    /** {@code ` ... `}. */
    BACKTICK,
    /** {@code <( ... )}. */
    PROCESS_INPUT,
    /** {@code >( ... )}. */
    PROCESS_OUTPUT
  }

  /** {@code $(( expression ))}, kept as text. */
  record Arithmetic(String expression, int offset, int endOffset) implements WordPart {}

  /** Text the parser did not analyse, because nesting was too deep; see {@link ShellError}. */
  record Unparsed(String raw, int offset, int endOffset) implements WordPart {}
}
