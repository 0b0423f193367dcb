package dev.stowage.dockerfile.lexer;

import java.util.Arrays;

/**
 * A shell wildcard pattern as BuildKit reads it in {@code ${VAR#pattern}} and {@code
 * ${VAR/pattern/replacement}}: {@code *} any run of characters, {@code ?} one character (neither
 * crosses a line feed, as in a Go regular expression without the {@code s} flag), {@code \*},
 * {@code \?}, {@code \\} literal, {@code \}} and {@code \/} the bare character; brackets are
 * literal. Matching follows leftmost-first (Perl) priority and runs in O(text x pattern) time
 * without backtracking. Immutable and thread-safe.
 */
final class GlobPattern {

  private static final int LITERAL = 0;
  private static final int ANY = 1;
  private static final int STAR = 2;

  private final int[] kinds;
  private final int[] literals;
  private final boolean greedy;

  private GlobPattern(int[] kinds, int[] literals, boolean greedy) {
    this.kinds = kinds;
    this.literals = literals;
    this.greedy = greedy;
  }

  /**
   * Compiles {@code pattern}; stars prefer the longest run when {@code greedy}, else the
   * shortest.
   */
  static GlobPattern compile(String pattern, boolean greedy) throws InvalidPatternException {
    int[] cps = pattern.codePoints().toArray();
    int[] kinds = new int[cps.length];
    int[] literals = new int[cps.length];
    int count = 0;
    // Go's text/scanner drops a byte order mark at the start of what it scans.
    int i = cps.length > 0 && cps[0] == Runes.BYTE_ORDER_MARK ? 1 : 0;
    while (i < cps.length) {
      int cp = cps[i++];
      switch (cp) {
        case '*' -> kinds[count++] = STAR;
        case '?' -> kinds[count++] = ANY;
        case '\\' -> {
          int following = i < cps.length ? cps[i] : Runes.EOF;
          if (following == '}' || following == '/') {
            continue; // the escape only kept the character from ending the ${...} part
          }
          if (following != '*' && following != '?' && following != '\\') {
            throw new InvalidPatternException(
                following == Runes.EOF
                    ? "invalid escape '\\' at end of pattern"
                    : "invalid escape '\\" + Character.toString(following) + "'");
          }
          i++;
          kinds[count] = LITERAL;
          literals[count++] = following;
        }
        default -> {
          kinds[count] = LITERAL;
          literals[count++] = cp;
        }
      }
    }
    return new GlobPattern(
        Arrays.copyOf(kinds, count), Arrays.copyOf(literals, count), greedy);
  }

  /**
   * Reverses a pattern while keeping each backslash before the character it escapes, so that
   * matching the reversed pattern against the reversed text finds a suffix.
   */
  static String reverse(String pattern) {
    int[] cps = pattern.codePoints().toArray();
    int[] out = new int[cps.length];
    int last = cps.length - 1;
    int i = 0;
    while (i <= last) {
      int at = last - i;
      if (cps[i] == '\\' && i != last) {
        out[at - 1] = cps[i];
        out[at] = cps[i + 1];
        i += 2;
      } else {
        out[at] = cps[i];
        i++;
      }
    }
    return new String(out, 0, out.length);
  }

  /**
   * Finds the leftmost-first match in {@code text} (code points) starting at {@code from}, or
   * only at {@code from} when {@code anchored}; returns {@code {start, end}} or null.
   */
  int[] find(int[] text, int from, boolean anchored) {
    int states = kinds.length + 1; // the last state accepts
    Threads current = new Threads(states);
    Threads next = new Threads(states);
    int[] marks = new int[states];
    int generation = 1;
    current.generation = generation;
    int matchStart = -1;
    int matchEnd = -1;
    for (int position = from; ; position++) {
      if (matchEnd < 0 && (position == from || !anchored)) {
        add(current, marks, 0, position); // lowest priority: a later start
      }
      if (current.size == 0) {
        break;
      }
      next.clear();
      next.generation = ++generation;
      int cp = position < text.length ? text[position] : Runes.EOF;
      for (int t = 0; t < current.size; t++) {
        int state = current.states[t];
        int start = current.starts[t];
        if (state == kinds.length) {
          matchStart = start;
          matchEnd = position;
          break; // threads after this one have lower priority
        }
        if (cp == Runes.EOF) {
          continue;
        }
        switch (kinds[state]) {
          case STAR -> {
            if (cp != '\n') {
              add(next, marks, state, start);
            }
          }
          case ANY -> {
            if (cp != '\n') {
              add(next, marks, state + 1, start);
            }
          }
          default -> {
            if (cp == literals[state]) {
              add(next, marks, state + 1, start);
            }
          }
        }
      }
      if (position >= text.length) {
        break;
      }
      Threads swap = current;
      current = next;
      next = swap;
    }
    return matchEnd < 0 ? null : new int[] {matchStart, matchEnd};
  }

  /**
   * Adds the thread for {@code state} and everything reachable from it without consuming input,
   * in priority order, skipping states already in the list (iteratively: stars can be many).
   */
  private void add(Threads list, int[] marks, int state, int start) {
    int generation = list.generation;
    int accept = kinds.length;
    if (greedy) {
      int s = state;
      while (marks[s] != generation) {
        marks[s] = generation;
        list.push(s, start);
        if (s == accept || kinds[s] != STAR) {
          return;
        }
        s++;
      }
      return;
    }
    int s = state;
    while (s < accept && kinds[s] == STAR && marks[s] != generation) {
      marks[s] = generation;
      s++;
    }
    boolean stoppedAtStar = s < accept && kinds[s] == STAR;
    if (!stoppedAtStar && marks[s] != generation) {
      marks[s] = generation;
      list.push(s, start);
    }
    for (int star = s - 1; star >= state; star--) {
      list.push(star, start);
    }
  }

  /** A list of NFA threads: a state and the position where its match attempt started. */
  private static final class Threads {
    final int[] states;
    final int[] starts;
    int size;
    int generation;

    Threads(int capacity) {
      states = new int[capacity];
      starts = new int[capacity];
    }

    void push(int state, int start) {
      states[size] = state;
      starts[size] = start;
      size++;
    }

    void clear() {
      size = 0;
    }
  }

  /** Signals a pattern that BuildKit rejects (a backslash before anything but * ? \ } /). */
  static final class InvalidPatternException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidPatternException(String message) {
      super(message, null, false, false);
    }
  }
}
