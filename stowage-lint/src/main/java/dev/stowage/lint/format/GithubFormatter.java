package dev.stowage.lint.format;

import dev.stowage.lint.Finding;
import java.io.IOException;
import java.io.Writer;

/**
 * {@code --format github}: one GitHub Actions workflow command per finding, {@code ::warning
 * file=F,line=L,col=C,endLine=EL,endColumn=EC,title=RULE::message}, which GitHub shows as an
 * annotation on the line. Error is {@code error}, warning {@code warning}, info and style {@code
 * notice}. As GitHub's runner expects (actions/toolkit's command escaping), the message escapes
 * {@code %}, CR and LF, and property values also {@code :} and {@code ,}. Stateless.
 */
public final class GithubFormatter implements FindingsFormatter {
  @Override
  public Document open(Writer out) {
    return new Document() {
      @Override
      public void add(FileResult r) throws IOException {
        write(r, out);
      }

      @Override
      public void end() {}
    };
  }

  private static void write(FileResult r, Writer out) throws IOException {
    for (Finding f : r.findings()) {
      out.write(
          "::"
              + command(f)
              + " file="
              + property(f.file())
              + ",line="
              + f.line()
              + ",col="
              + f.column()
              + ",endLine="
              + f.endLine()
              + ",endColumn="
              + f.endColumn()
              + ",title="
              + property(f.rule())
              + "::"
              + data(f.message())
              + "\n");
    }
  }

  private static String command(Finding f) {
    return switch (f.severity()) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO, STYLE -> "notice";
    };
  }

  /** Escaped as the runner expects; other control characters shown as {@code ?}. */
  public static String data(String text) {
    return TtyFormatter.printable(
        text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"));
  }

  /** A property value ({@code title=...}) escaped as the runner expects. */
  public static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
