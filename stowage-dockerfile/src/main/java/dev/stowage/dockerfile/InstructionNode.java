package dev.stowage.dockerfile;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The syntax of one instruction as BuildKit's parser sees it: keyword, builder flags, arguments,
 * heredocs, and the logical line with continuations removed, all mapped back to the source.
 * Immutable.
 *
 * <p>Lines are 1-based and point into the original file; {@link #span()} covers the instruction
 * from its first non-blank character through its last heredoc terminator, without the final line
 * terminator.
 */
public final class InstructionNode {
  private final String keyword;
  private final List<Flag> flags;
  private final List<Word> args;
  private final boolean json;
  private final boolean legacyKeyValue;
  private final List<Heredoc> heredocs;
  private final String original;
  private final int restStart;
  private final int[] offsets;
  private final Span span;
  private final int line;
  private final int endLine;
  private final Optional<InstructionNode> child;
  private final int firstToken;
  private final int endToken;

  InstructionNode(
      String keyword,
      List<Flag> flags,
      List<Word> args,
      boolean json,
      boolean legacyKeyValue,
      List<Heredoc> heredocs,
      String original,
      int restStart,
      int[] offsets,
      Span span,
      int line,
      int endLine,
      Optional<InstructionNode> child,
      int firstToken,
      int endToken) {
    this.keyword = keyword;
    this.flags = List.copyOf(flags);
    this.args = List.copyOf(args);
    this.json = json;
    this.legacyKeyValue = legacyKeyValue;
    this.heredocs = List.copyOf(heredocs);
    this.original = original;
    this.restStart = restStart;
    this.offsets = offsets;
    this.span = span;
    this.line = line;
    this.endLine = endLine;
    this.child = child;
    this.firstToken = firstToken;
    this.endToken = endToken;
  }

  /** The keyword as written, for example {@code run} or {@code RUN}. */
  public String keyword() {
    return keyword;
  }

  /** The keyword upper-cased, for example {@code RUN}. */
  public String name() {
    return keyword.toUpperCase(Locale.ROOT);
  }

  public List<Flag> flags() {
    return flags;
  }

  /** The last flag with this name (BuildKit lets a later flag win), if any. */
  public Optional<Flag> flag(String name) {
    for (int i = flags.size() - 1; i >= 0; i--) {
      if (flags.get(i).name().equals(name)) {
        return Optional.of(flags.get(i));
      }
    }
    return Optional.empty();
  }

  /** Every flag with this name, in order. */
  public List<Flag> flags(String name) {
    if (flags.isEmpty()) {
      return List.of();
    }
    return flags.stream().filter(f -> f.name().equals(name)).toList();
  }

  /**
   * The arguments as BuildKit's parser splits them: JSON elements, key/value pairs flattened as
   * key, value, words, or the rest of the line.
   */
  public List<Word> args() {
    return args;
  }

  /** Whether the arguments were written in exec (JSON array) form. */
  public boolean json() {
    return json;
  }

  /** For ENV and LABEL: whether the legacy {@code KEY value} form (no {@code =}) was used. */
  public boolean legacyKeyValue() {
    return legacyKeyValue;
  }

  public List<Heredoc> heredocs() {
    return heredocs;
  }

  /** The logical line: the instruction with continuations, comments and blank lines removed. */
  public String original() {
    return original;
  }

  /** The logical line after the keyword and the flags. */
  public String rest() {
    return original.substring(restStart);
  }

  /** The index in {@link #original()} where {@link #rest()} starts. */
  public int restOffset() {
    return restStart;
  }

  /** The range in the source of {@link #rest()}. */
  public Span restSpan() {
    return sourceSpan(restStart, original.length());
  }

  public Span span() {
    return span;
  }

  /** First line, 1-based. */
  public int line() {
    return line;
  }

  /** Last line, 1-based, including heredoc bodies. */
  public int endLine() {
    return endLine;
  }

  /** For ONBUILD: the instruction it registers. */
  public Optional<InstructionNode> child() {
    return child;
  }

  /** Index of this instruction's first token in {@link Dockerfile#tokens()}. */
  public int firstToken() {
    return firstToken;
  }

  /** Index after this instruction's last token in {@link Dockerfile#tokens()}. */
  public int endToken() {
    return endToken;
  }

  /** The source offset of a character of {@link #original()}; the end maps past the last one. */
  public int sourceOffset(int logicalIndex) {
    return offsets[logicalIndex];
  }

  /** The source range of {@code original().substring(start, end)}. */
  public Span sourceSpan(int start, int end) {
    if (start >= end) {
      return new Span(offsets[start], offsets[start]);
    }
    return new Span(offsets[start], offsets[end - 1] + 1);
  }

  @Override
  public String toString() {
    return original;
  }
}
