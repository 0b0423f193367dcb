package dev.stowage.dockerfile.shell;

/** Glob-aware path comparisons for clean-up questions such as "does this rm remove that path". */
final class Paths {
  private Paths() {}

  /**
   * Whether removing {@code removed} (an rm argument, possibly a glob) removes {@code path}: the
   * same path, a glob matching it, or an ancestor directory of it; a trailing {@code /*} or {@code
   * /} on either side is ignored.
   */
  static boolean covers(String removed, String path) {
    String a = normalize(removed);
    String p = normalize(path);
    if (a.isEmpty() || p.isEmpty()) {
      return a.isEmpty() && !removed.isEmpty() && !path.isEmpty() && removed.startsWith("/");
    }
    if (a.equals(p) || glob(a, p)) {
      return true;
    }
    for (int i = p.indexOf('/', 1); i > 0; i = p.indexOf('/', i + 1)) {
      String ancestor = p.substring(0, i);
      if (a.equals(ancestor) || glob(a, ancestor)) {
        return true;
      }
    }
    return false;
  }

  private static String normalize(String path) {
    String p = path;
    while (true) {
      if (p.endsWith("/*")) {
        p = p.substring(0, p.length() - 2);
      } else if (p.endsWith("/") || p.endsWith("/.")) {
        p = p.substring(0, p.length() - (p.endsWith("/") ? 1 : 2));
      } else {
        return p;
      }
    }
  }

  /** Shell glob match of a whole path; {@code *} and {@code ?} do not match {@code /}. */
  static boolean glob(String pattern, String text) {
    int p = 0;
    int t = 0;
    int starP = -1;
    int starT = -1;
    while (t < text.length()) {
      if (p < pattern.length()) {
        char c = pattern.charAt(p);
        if (c == '*') {
          starP = p++;
          starT = t;
          continue;
        }
        if (c == '[') {
          int close = pattern.indexOf(']', p + 2);
          if (close > 0
              && text.charAt(t) != '/'
              && classMatches(pattern.substring(p + 1, close), text.charAt(t))) {
            p = close + 1;
            t++;
            continue;
          }
        } else if ((c == '?' && text.charAt(t) != '/') || c == text.charAt(t)) {
          p++;
          t++;
          continue;
        }
      }
      if (starP >= 0 && text.charAt(starT) != '/') {
        p = starP + 1;
        t = ++starT;
        continue;
      }
      return false;
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }

  private static boolean classMatches(String set, char c) {
    boolean negate = !set.isEmpty() && (set.charAt(0) == '!' || set.charAt(0) == '^');
    String s = negate ? set.substring(1) : set;
    boolean found = false;
    for (int i = 0; i < s.length(); i++) {
      if (i + 2 < s.length() && s.charAt(i + 1) == '-') {
        if (c >= s.charAt(i) && c <= s.charAt(i + 2)) {
          found = true;
        }
        i += 2;
      } else if (s.charAt(i) == c) {
        found = true;
      }
    }
    return found != negate;
  }
}
