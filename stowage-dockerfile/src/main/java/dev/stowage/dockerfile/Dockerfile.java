package dev.stowage.dockerfile;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A parsed Dockerfile: the lossless token stream, the instructions BuildKit would see, the parser
 * directives, and the problems found. Immutable and thread-safe.
 *
 * <p>Printing the tokens gives back the source exactly ({@code parse(x).print().equals(x)}) for
 * every input, including those with syntax errors. Parsing never throws and runs in time linear
 * in the input.
 */
public final class Dockerfile {
  private final String file;
  private final String source;
  private final LineMap lineMap;
  private final List<Token> tokens;
  private final List<Integer> commentTokens;
  private final List<Instruction> instructions;
  private final Directives directives;
  private final List<Diagnostic> diagnostics;

  Dockerfile(
      String file,
      String source,
      LineMap lineMap,
      List<Token> tokens,
      List<Integer> commentTokens,
      List<Instruction> instructions,
      Directives directives,
      List<Diagnostic> diagnostics) {
    this.file = file;
    this.source = source;
    this.lineMap = lineMap;
    this.tokens = List.copyOf(tokens);
    this.commentTokens = List.copyOf(commentTokens);
    this.instructions = List.copyOf(instructions);
    this.directives = directives;
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** Parses {@code source}; {@code file} names it in diagnostics. */
  public static Dockerfile parse(String file, String source) {
    return new Parser(file, source).parse();
  }

  /** Parses a string named {@code Dockerfile}. */
  public static Dockerfile parse(String source) {
    return parse("Dockerfile", source);
  }

  /**
   * Reads and parses a UTF-8 file.
   *
   * @throws IOException when the file cannot be read or is not valid UTF-8
   */
  public static Dockerfile read(Path path) throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    return parse(path.toString(), decode(path.toString(), bytes));
  }

  /**
   * Decodes UTF-8 strictly.
   *
   * @throws IOException naming the file when the bytes are not UTF-8
   */
  public static String decode(String file, byte[] bytes) throws IOException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IOException(file + ": not a UTF-8 text file", e);
    }
  }

  /** The name given to the parser, used in diagnostics. */
  public String file() {
    return file;
  }

  public String source() {
    return source;
  }

  /** Every token; their texts concatenate to {@link #source()}. */
  public List<Token> tokens() {
    return tokens;
  }

  /** The indexes into {@link #tokens()} of the comment tokens, ascending. */
  public List<Integer> commentTokenIndexes() {
    return commentTokens;
  }

  /** The instructions in file order (ONBUILD triggers are inside their ONBUILD). */
  public List<Instruction> instructions() {
    return instructions;
  }

  public Directives directives() {
    return directives;
  }

  /** Errors (BuildKit would refuse the file) and warnings, in file order of discovery. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
  }

  public boolean hasErrors() {
    return !errors().isEmpty();
  }

  /** The source rebuilt from the tokens. */
  public String print() {
    StringBuilder out = new StringBuilder(source.length());
    for (Token t : tokens) {
      out.append(source, t.start(), t.end());
    }
    return out.toString();
  }

  /** The 1-based line and column of a source offset ({@code source().length()} allowed). */
  public Position position(int offset) {
    return lineMap.position(offset);
  }

  /** The source text of a span. */
  public String text(Span span) {
    return source.substring(span.start(), span.end());
  }

  /** The text of the given 1-based line, without its terminator. */
  public String lineText(int line) {
    int start = lineMap.lineStart(line);
    int end = line < lineMap.lineCount() ? lineMap.lineStart(line + 1) : source.length();
    while (end > start && (source.charAt(end - 1) == '\n' || source.charAt(end - 1) == '\r')) {
      end--;
    }
    return source.substring(start, end);
  }

  public int lineCount() {
    return lineMap.lineCount();
  }
}
