package dev.stowage.dockerfile;

/**
 * A here-document attached to a RUN, COPY or ADD instruction. Immutable.
 *
 * @param name the delimiter word with quotes removed, for example {@code EOF}
 * @param content the body exactly as in the file, line terminators included, tabs not stripped
 * @param quoted whether the delimiter was quoted (BuildKit then does not expand variables)
 * @param stripTabs whether it was introduced with {@code <<-} (leading tabs are removed)
 * @param fileDescriptor the number before {@code <<}, 0 when none was written
 * @param contentSpan the body's range in the source
 * @param span the body and the terminating line
 */
public record Heredoc(
    String name,
    String content,
    boolean quoted,
    boolean stripTabs,
    int fileDescriptor,
    Span contentSpan,
    Span span) {

  /** The body as BuildKit uses it: with {@code <<-}, leading tabs removed from every line. */
  public String effectiveContent() {
    if (!stripTabs) {
      return content;
    }
    StringBuilder out = new StringBuilder(content.length());
    boolean lineStart = true;
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      if (lineStart && c == '\t') {
        continue;
      }
      lineStart = c == '\n';
      out.append(c);
    }
    return out.toString();
  }
}
