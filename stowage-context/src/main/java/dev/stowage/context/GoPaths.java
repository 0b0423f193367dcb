package dev.stowage.context;

/**
 * Go's {@code path/filepath} behaviour on slash-separated paths, as moby's pattern matcher uses it.
 */
final class GoPaths {
  private GoPaths() {}

  /**
   * Go's {@code filepath.Clean}: one slash between elements, no {@code .} elements, {@code ..}
   * folded into its parent where there is one, no trailing slash, {@code "."} for nothing.
   */
  static String clean(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    boolean rooted = path.charAt(0) == '/';
    int n = path.length();
    StringBuilder out = new StringBuilder(n);
    int r = 0;
    int dotdot = 0;
    if (rooted) {
      out.append('/');
      r = 1;
      dotdot = 1;
    }
    while (r < n) {
      char c = path.charAt(r);
      if (c == '/') {
        r++;
      } else if (c == '.' && (r + 1 == n || path.charAt(r + 1) == '/')) {
        r++;
      } else if (c == '.'
          && path.charAt(r + 1) == '.'
          && (r + 2 == n || path.charAt(r + 2) == '/')) {
        r += 2;
        if (out.length() > dotdot) {
          int w = out.length() - 1;
          while (w > dotdot && out.charAt(w) != '/') {
            w--;
          }
          out.setLength(w);
        } else if (!rooted) {
          if (out.length() > 0) {
            out.append('/');
          }
          out.append("..");
          dotdot = out.length();
        }
      } else {
        if ((rooted && out.length() != 1) || (!rooted && out.length() != 0)) {
          out.append('/');
        }
        while (r < n && path.charAt(r) != '/') {
          out.append(path.charAt(r++));
        }
      }
    }
    return out.length() == 0 ? "." : out.toString();
  }

  /** Go's {@code filepath.Dir} for a cleaned relative path: {@code "."} when there is no slash. */
  static String dir(String cleaned) {
    int slash = cleaned.lastIndexOf('/');
    return slash < 0 ? "." : clean(cleaned.substring(0, slash + 1));
  }

  /**
   * Whether Go's {@code filepath.Match} accepts the pattern (on Unix): every {@code [} closed by a
   * {@code ]} after at least one range, no unescaped {@code -} or {@code ]} where a range starts,
   * no {@code \} at the end. Returns the reason when it does not.
   */
  static String globError(String pattern) {
    int i = 0;
    int n = pattern.length();
    while (i < n) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        if (i + 1 >= n) {
          return "trailing backslash";
        }
        i += 2;
      } else if (c == '[') {
        i++;
        if (i < n && pattern.charAt(i) == '^') {
          i++;
        }
        int ranges = 0;
        while (true) {
          if (i < n && pattern.charAt(i) == ']' && ranges > 0) {
            i++;
            break;
          }
          int lo = escapedChar(pattern, i);
          if (lo < 0) {
            return "malformed character class";
          }
          i = lo;
          if (pattern.charAt(i) == '-') {
            int hi = escapedChar(pattern, i + 1);
            if (hi < 0) {
              return "malformed character range";
            }
            i = hi;
          }
          ranges++;
        }
      } else {
        i++;
      }
    }
    return "";
  }

  /** Go's {@code getEsc}: the index after one class character at {@code i}, or -1 when bad. */
  private static int escapedChar(String p, int i) {
    int n = p.length();
    if (i >= n || p.charAt(i) == '-' || p.charAt(i) == ']') {
      return -1;
    }
    if (p.charAt(i) == '\\') {
      i++;
      if (i >= n) {
        return -1;
      }
    }
    i += Character.charCount(p.codePointAt(i));
    return i >= n ? -1 : i;
  }
}
