package dev.stowage.dockerfile.shell;

import java.util.List;

/**
 * The body of a {@code <<DELIM} or {@code <<-DELIM} here-document inside a script; offsets are
 * 0-based into the parsed input.
 *
 * <p>Immutable once {@link ShellScript#parse} has returned (the parser fills in the body when it
 * reaches the end of the line, after the redirection was read). When the input ends before the line
 * does, as with a single-line RUN whose heredoc the Dockerfile parser keeps, the body is empty and
 * {@link #terminated()} is false.
 */
public final class HereDocument {
  private final String delimiter;
  private final boolean quoted;
  private final boolean stripTabs;
  private String body = "";
  private int bodyOffset = -1;
  private int bodyEndOffset = -1;
  private List<WordPart> parts = List.of();
  private boolean terminated;

  HereDocument(String delimiter, boolean quoted, boolean stripTabs) {
    this.delimiter = delimiter;
    this.quoted = quoted;
    this.stripTabs = stripTabs;
  }

  void complete(String body, int offset, int endOffset, List<WordPart> parts, boolean done) {
    this.body = body;
    this.bodyOffset = offset;
    this.bodyEndOffset = endOffset;
    this.parts = List.copyOf(parts);
    this.terminated = done;
  }

  /** The delimiter word with quotes removed. */
  public String delimiter() {
    return delimiter;
  }

  /** Whether the delimiter was quoted, so the body is taken literally without expansions. */
  public boolean quoted() {
    return quoted;
  }

  /** Whether the operator was {@code <<-}, which strips leading tabs. */
  public boolean stripTabs() {
    return stripTabs;
  }

  /** The body text as written, without the delimiter line. */
  public String body() {
    return body;
  }

  /** Start of the body (0-based, inclusive), or the input length when there is no body. */
  public int bodyOffset() {
    return bodyOffset;
  }

  /** End of the body (0-based, exclusive). */
  public int bodyEndOffset() {
    return bodyEndOffset;
  }

  /** The body's expansions and literal text; empty for a quoted delimiter. */
  public List<WordPart> parts() {
    return parts;
  }

  /** Whether the delimiter line was found. */
  public boolean terminated() {
    return terminated;
  }

  @Override
  public String toString() {
    return "HereDocument[" + delimiter + "]";
  }
}
