package dev.stowage.dockerfile.lexer;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits expanded text into words the way BuildKit's lexer does while it expands: unquoted
 * white space (literal or coming from a variable) separates words, quoted and escaped text never
 * does, and empty words are dropped. Mutable, one per expansion.
 */
final class Words {

  private final StringBuilder word = new StringBuilder();
  private final List<String> words = new ArrayList<>();
  private boolean inWord;

  /** Adds an unquoted character: white space ends the current word. */
  void addChar(int cp) {
    if (Runes.isSpace(cp)) {
      if (inWord && !word.isEmpty()) {
        words.add(word.toString());
        word.setLength(0);
        inWord = false;
      }
    } else {
      addRawChar(cp);
    }
  }

  /** Adds an escaped character, which never splits. */
  void addRawChar(int cp) {
    word.appendCodePoint(cp);
    inWord = true;
  }

  /** Adds the unquoted result of a variable expansion, which splits on white space. */
  void addString(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      addChar(cp);
      i += Character.charCount(cp);
    }
  }

  /** Adds the content of a quoted string, which never splits. */
  void addRawString(String s) {
    word.append(s);
    inWord = true;
  }

  /** Ends the input and returns the words. */
  List<String> finish() {
    if (!word.isEmpty()) {
      words.add(word.toString());
      word.setLength(0);
      inWord = false;
    }
    return List.copyOf(words);
  }
}
