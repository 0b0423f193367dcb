package dev.stowage.dockerfile.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A shell word: its raw text as written and its parts; immutable, offsets 0-based into the parsed
 * input with {@code raw} equal to the input between them.
 */
public final class Word implements Node {
  private final String raw;
  private final List<WordPart> parts;
  private final int offset;
  private final int endOffset;
  // Rules ask for a word's text many times; it is computed once (#3 lint speed).
  private final String text;
  private final Optional<String> literal;

  /** Copies the part list and checks the span. */
  public Word(String raw, List<WordPart> parts, int offset, int endOffset) {
    this.parts = List.copyOf(parts);
    if (endOffset - offset != raw.length()) {
      throw new IllegalArgumentException("raw text does not match span");
    }
    this.raw = raw;
    this.offset = offset;
    this.endOffset = endOffset;
    String t;
    if (this.parts.size() == 1 && this.parts.get(0) instanceof WordPart.Literal l) {
      t = l.value(); // the common plain word
    } else {
      StringBuilder out = new StringBuilder(raw.length());
      appendText(this.parts, out);
      t = out.toString();
    }
    this.text = t;
    // Without expansions the literal value is the text (both join the same parts).
    this.literal = isLiteral(this.parts) ? Optional.of(t) : Optional.empty();
  }

  // Asked once per word of every RUN: indexed loops and instanceof tests, which the JIT
  // compiles tighter than an iterator and a pattern switch (#3 lint speed).
  private static boolean isLiteral(List<WordPart> parts) {
    for (int i = 0; i < parts.size(); i++) {
      WordPart part = parts.get(i);
      if (part instanceof WordPart.DoubleQuoted d) {
        if (!isLiteral(d.parts())) {
          return false;
        }
      } else if (!(part instanceof WordPart.Literal) && !(part instanceof WordPart.SingleQuoted)) {
        return false;
      }
    }
    return true;
  }

  /** The word exactly as written. */
  public String raw() {
    return raw;
  }

  public List<WordPart> parts() {
    return parts;
  }

  @Override
  public int offset() {
    return offset;
  }

  @Override
  public int endOffset() {
    return endOffset;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Word w
        && w.offset == offset
        && w.endOffset == endOffset
        && w.raw.equals(raw)
        && w.parts.equals(parts);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(raw, parts, offset, endOffset);
  }

  static Word empty(int at) {
    return new Word("", List.of(), at, at);
  }

  static Word literal(String text, int offset) {
    return new Word(
        text,
        List.of(new WordPart.Literal(text, offset, offset + text.length())),
        offset,
        offset + text.length());
  }

  /**
   * The static value after quote removal, when the word has no expansion: {@code 'a b'} gives
   * {@code a b} and {@code "x"y} gives {@code xy}; glob characters are kept as they are.
   */
  public Optional<String> literal() {
    return literal;
  }

  /**
   * Best-effort text after quote removal, with expansions kept as written: {@code "$HOME"/bin}
   * gives {@code $HOME/bin}.
   */
  public String text() {
    return text;
  }

  private void appendText(List<WordPart> parts, StringBuilder out) {
    for (int i = 0; i < parts.size(); i++) {
      WordPart part = parts.get(i);
      if (part instanceof WordPart.Literal l) {
        out.append(l.value());
      } else if (part instanceof WordPart.SingleQuoted s) {
        out.append(s.value());
      } else if (part instanceof WordPart.DoubleQuoted d) {
        appendText(d.parts(), out);
      } else {
        out.append(raw, part.offset() - offset, part.endOffset() - offset);
      }
    }
  }

  /** Whether any part is an expansion (parameter, command substitution or arithmetic). */
  public boolean hasExpansion() {
    return literal().isEmpty();
  }

  /** Whether any part is quoted. */
  public boolean isQuoted() {
    return parts.stream()
        .anyMatch(p -> p instanceof WordPart.SingleQuoted || p instanceof WordPart.DoubleQuoted);
  }

  /** The command substitutions in this word, also inside double quotes and parameter arguments. */
  public List<WordPart.CommandSubstitution> commandSubstitutions() {
    List<WordPart.CommandSubstitution> out = new ArrayList<>();
    collectSubstitutions(parts, out);
    return List.copyOf(out);
  }

  private static void collectSubstitutions(
      List<WordPart> parts, List<WordPart.CommandSubstitution> out) {
    for (WordPart part : parts) {
      switch (part) {
        case WordPart.CommandSubstitution c -> out.add(c);
        case WordPart.DoubleQuoted d -> collectSubstitutions(d.parts(), out);
        case WordPart.Parameter p ->
            p.argument().ifPresent(a -> collectSubstitutions(a.parts(), out));
        default -> {}
      }
    }
  }

  @Override
  public String toString() {
    return raw;
  }
}
