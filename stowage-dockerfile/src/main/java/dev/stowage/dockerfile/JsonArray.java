package dev.stowage.dockerfile;

import java.util.ArrayList;
import java.util.List;


/**
 * Reads the exec form of an instruction as Go's {@code encoding/json} reads a JSON array: the
 * whole text must be one valid JSON value; BuildKit then requires every element to be a string.
 */
final class JsonArray {
  /** The outcome: the strings with their offsets, or why the text is not an array of strings. */
  record Result(List<String> values, List<int[]> spans, Status status) {}

  enum Status {
    OK,
    NOT_JSON,
    NOT_STRING_ARRAY
  }

  private final String s;
  private int pos;
  private boolean nonString;

  private JsonArray(String s, int pos) {
    this.s = s;
    this.pos = pos;
  }

  /** Parses {@code text.substring(from)}; spans are offsets into {@code text}. */
  static Result parse(String text, int from) {
    JsonArray p = new JsonArray(text, from);
    List<String> values = new ArrayList<>();
    List<int[]> spans = new ArrayList<>();
    try {
      p.ws();
      p.expect('[');
      p.ws();
      if (p.peek() == ']') {
        p.pos++;
      } else {
        while (true) {
          p.ws();
          int start = p.pos;
          if (p.peek() == '"') {
            values.add(p.string());
            spans.add(new int[] {start, p.pos});
          } else {
            p.nonString = true;
            p.value();
          }
          p.ws();
          char c = p.next();
          if (c == ']') {
            break;
          }
          if (c != ',') {
            throw new IllegalStateException();
          }
        }
      }
      p.ws();
      if (p.pos != text.length()) {
        throw new IllegalStateException();
      }
    } catch (IllegalStateException e) {
      return new Result(List.of(), List.of(), Status.NOT_JSON);
    }
    return p.nonString
        ? new Result(List.of(), List.of(), Status.NOT_STRING_ARRAY)
        : new Result(values, spans, Status.OK);
  }

  private char peek() {
    return pos < s.length() ? s.charAt(pos) : '\0';
  }

  private char next() {
    if (pos >= s.length()) {
      throw new IllegalStateException();
    }
    return s.charAt(pos++);
  }

  private void expect(char c) {
    if (next() != c) {
      throw new IllegalStateException();
    }
  }

  private void ws() {
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        pos++;
      } else {
        break;
      }
    }
  }

  /** Skips one JSON value; iterative so that deep nesting cannot overflow the stack. */
  private void value() {
    StringBuilder closers = new StringBuilder();
    boolean expectValue = true;
    while (true) {
      ws();
      if (expectValue) {
        char c = peek();
        switch (c) {
          case '"' -> string();
          case '[' -> {
            pos++;
            ws();
            if (peek() == ']') {
              pos++;
            } else {
              closers.append(']');
              continue;
            }
          }
          case '{' -> {
            pos++;
            ws();
            if (peek() == '}') {
              pos++;
            } else {
              closers.append('}');
              objectKey();
              continue;
            }
          }
          case 't' -> literal("true");
          case 'f' -> literal("false");
          case 'n' -> literal("null");
          default -> number();
        }
        expectValue = false;
      }
      if (closers.isEmpty()) {
        return;
      }
      ws();
      char d = next();
      char closer = closers.charAt(closers.length() - 1);
      if (d == closer) {
        closers.setLength(closers.length() - 1);
      } else if (d == ',') {
        if (closer == '}') {
          ws();
          objectKey();
        }
        expectValue = true;
      } else {
        throw new IllegalStateException();
      }
    }
  }

  private void objectKey() {
    ws();
    if (peek() != '"') {
      throw new IllegalStateException();
    }
    string();
    ws();
    expect(':');
  }

  private void literal(String word) {
    if (!s.startsWith(word, pos)) {
      throw new IllegalStateException();
    }
    pos += word.length();
  }

  private void number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else if (peek() >= '1' && peek() <= '9') {
      while (peek() >= '0' && peek() <= '9') {
        pos++;
      }
    } else {
      throw new IllegalStateException();
    }
    if (peek() == '.') {
      pos++;
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      digits();
    }
    if (pos == start) {
      throw new IllegalStateException();
    }
  }

  private void digits() {
    int start = pos;
    while (peek() >= '0' && peek() <= '9') {
      pos++;
    }
    if (pos == start) {
      throw new IllegalStateException();
    }
  }

  private String string() {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw new IllegalStateException();
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = next();
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> out.append(hex4());
        default -> throw new IllegalStateException();
      }
    }
  }

  private char hex4() {
    if (pos + 4 > s.length()) {
      throw new IllegalStateException();
    }
    int v = 0;
    for (int i = 0; i < 4; i++) {
      int d = Character.digit(s.charAt(pos++), 16);
      if (d < 0) {
        throw new IllegalStateException();
      }
      v = v * 16 + d;
    }
    return (char) v;
  }

}
