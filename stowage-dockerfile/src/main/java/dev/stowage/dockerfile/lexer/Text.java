package dev.stowage.dockerfile.lexer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;

/**
 * A growable piece of expanded text that links large pieces instead of copying them, so that
 * nested expansions cost time linear in their size; not thread-safe, flattened at most once.
 */
final class Text {

  /** Pieces up to this length are copied; longer ones are linked. */
  private static final int COPY_LIMIT = 64;

  /** Longest text the lexer produces; beyond it a Java string cannot hold the result. */
  static final long MAX_LENGTH = Integer.MAX_VALUE - 64;

  private ArrayList<Object> parts; // String or Text, in order, all before tail
  private StringBuilder tail;
  private String flat;
  private long length;

  /** Returns a text holding {@code s} (any Java string fits). */
  static Text of(String s) {
    Text text = new Text();
    text.flat = s;
    text.length = s.length();
    return text;
  }

  long length() {
    return length;
  }

  boolean isEmpty() {
    return length == 0;
  }

  void appendCodePoint(int cp) throws TooLongException {
    grow(Character.charCount(cp));
    thaw();
    if (tail == null) {
      tail = new StringBuilder();
    }
    tail.appendCodePoint(cp);
  }

  void append(String s) throws TooLongException {
    if (s.isEmpty()) {
      return;
    }
    grow(s.length());
    thaw();
    if (s.length() <= COPY_LIMIT) {
      if (tail == null) {
        tail = new StringBuilder();
      }
      tail.append(s);
    } else {
      link(s);
    }
  }

  void append(Text other) throws TooLongException {
    if (other.length <= COPY_LIMIT || other.flat != null) {
      append(other.toString());
      return;
    }
    grow(other.length);
    thaw();
    link(other);
  }

  private void grow(long by) throws TooLongException {
    if (length + by > MAX_LENGTH) {
      throw new TooLongException();
    }
    length += by;
  }

  private void link(Object part) {
    if (parts == null) {
      parts = new ArrayList<>();
    }
    if (tail != null && !tail.isEmpty()) {
      parts.add(tail.toString());
      tail = null;
    }
    parts.add(part);
  }

  /** Makes a flattened text appendable again. */
  private void thaw() {
    if (flat != null) {
      parts = new ArrayList<>();
      parts.add(flat);
      flat = null;
    }
  }

  @Override
  public String toString() {
    if (flat != null) {
      return flat;
    }
    if (parts == null) {
      flat = tail == null ? "" : tail.toString();
    } else {
      flat = flatten();
    }
    parts = null;
    tail = null;
    return flat;
  }

  /** Concatenates the pieces with an explicit stack: texts nest as deep as the expansions. */
  private String flatten() {
    StringBuilder out = new StringBuilder((int) length);
    Deque<Cursor> stack = new ArrayDeque<>();
    stack.push(new Cursor(this));
    while (!stack.isEmpty()) {
      Cursor cursor = stack.peek();
      Text text = cursor.text;
      if (text.parts != null && cursor.index < text.parts.size()) {
        Object part = text.parts.get(cursor.index++);
        if (part instanceof Text child && child.flat == null) {
          stack.push(new Cursor(child));
        } else {
          out.append(part.toString());
        }
      } else {
        if (text.tail != null) {
          out.append(text.tail);
        }
        stack.pop();
      }
    }
    return out.toString();
  }

  private static final class Cursor {
    final Text text;
    int index;

    Cursor(Text text) {
      this.text = text;
    }
  }

  /** Signals that an expansion would exceed {@link #MAX_LENGTH}. */
  static final class TooLongException extends Exception {
    private static final long serialVersionUID = 1L;

    TooLongException() {
      super("expanded text is too long", null, false, false);
    }
  }
}
