package dev.stowage.lint.rules.buildkit;

import java.util.Collection;
import java.util.Optional;

/**
 * BuildKit's "did you mean" search: the first candidate within Levenshtein distance 2 that is
 * closer than every earlier one. Stateless.
 */
final class Suggestions {
  private Suggestions() {}

  /** The closest candidate to {@code value} at distance below 3, compared case-sensitively. */
  static Optional<String> closest(String value, Collection<String> candidates) {
    String match = null;
    int best = 3;
    for (String c : candidates) {
      if (c.equals(value)) {
        return Optional.empty();
      }
      int d = distance(value, c, best);
      if (d < best) {
        best = d;
        match = c;
      }
    }
    return Optional.ofNullable(match);
  }

  /** " (did you mean $X?)" or nothing. */
  static String didYouMean(String value, Collection<String> candidates, String prefix) {
    return closest(value, candidates).map(m -> " (did you mean " + prefix + m + "?)").orElse("");
  }

  private static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) >= limit) {
      return limit;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
