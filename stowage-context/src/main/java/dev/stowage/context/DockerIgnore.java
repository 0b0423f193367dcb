package dev.stowage.context;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code .dockerignore} file read and matched exactly as BuildKit does: lines read as moby's
 * {@code ignorefile.ReadAll} reads them, paths matched as {@code
 * patternmatcher.MatchesOrParentMatches} matches them (see <a
 * href="https://docs.docker.com/build/concepts/context/#dockerignore-files">the .dockerignore
 * reference</a>). Immutable and thread-safe.
 *
 * <p>Reading: a UTF-8 byte order mark is dropped; a line whose first character is {@code #} is a
 * comment; lines are trimmed and blank ones skipped; {@code !} marks an exception; the rest goes
 * through Go's {@code filepath.Clean} and loses one leading {@code /}.
 *
 * <p>Matching: patterns are tried in order and the last one that matches decides, so an exception
 * re-includes what an earlier pattern excluded; a pattern matching a directory matches everything
 * under it; {@code *} and {@code ?} do not cross {@code /}, {@code **} spans any number of
 * directories (also none), {@code [...]} classes and {@code \} escapes are Go's {@code
 * filepath.Match} syntax.
 */
public final class DockerIgnore {
  /** The file name BuildKit reads at the root of the context. */
  public static final String FILE_NAME = ".dockerignore";

  /** A line BuildKit would refuse, with the reason. */
  public record Problem(int line, String pattern, String message) {}

  private static final DockerIgnore NONE = new DockerIgnore(List.of(), List.of());

  private final List<IgnorePattern> patterns;
  private final List<Problem> problems;

  private DockerIgnore(List<IgnorePattern> patterns, List<Problem> problems) {
    this.patterns = List.copyOf(patterns);
    this.problems = List.copyOf(problems);
  }

  /** No patterns: nothing is excluded. */
  public static DockerIgnore none() {
    return NONE;
  }

  /**
   * Reads {@code .dockerignore} text. Never throws: a pattern BuildKit rejects (a lone {@code !}, a
   * malformed {@code [} class, a trailing {@code \}) is left out and listed in {@link #problems()}.
   */
  public static DockerIgnore parse(String text) {
    List<IgnorePattern> out = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.startsWith("#")) {
        continue;
      }
      String pattern = goTrimSpace(line);
      if (pattern.isEmpty()) {
        continue;
      }
      boolean invert = pattern.charAt(0) == '!';
      if (invert) {
        pattern = goTrimSpace(pattern.substring(1));
      }
      if (!pattern.isEmpty()) {
        pattern = GoPaths.clean(pattern);
        if (pattern.length() > 1 && pattern.charAt(0) == '/') {
          pattern = pattern.substring(1);
        }
      }
      // patternmatcher.New cleans "!" + pattern once more, then strips the "!"
      String full = GoPaths.clean(invert ? "!" + pattern : pattern);
      boolean exclusion = full.charAt(0) == '!';
      if (exclusion) {
        if (full.length() == 1) {
          problems.add(new Problem(i + 1, line.strip(), "illegal exclusion pattern: \"!\""));
          continue;
        }
        full = full.substring(1);
      }
      String error = GoPaths.globError(full);
      if (!error.isEmpty()) {
        problems.add(new Problem(i + 1, line.strip(), "syntax error in pattern: " + error));
        continue;
      }
      out.add(IgnorePattern.compile(full, exclusion, i + 1));
    }
    return new DockerIgnore(out, problems);
  }

  /** Reads {@code dir/.dockerignore}; empty when the context has none. */
  public static Optional<DockerIgnore> read(Path dir) throws IOException {
    Path file = dir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    return Optional.of(parse(Files.readString(file, StandardCharsets.UTF_8)));
  }

  /** The patterns in file order. */
  public List<IgnorePattern> patterns() {
    return patterns;
  }

  /** Lines BuildKit would refuse (the build fails on them); they are not applied here. */
  public List<Problem> problems() {
    return problems;
  }

  /** Whether there are no patterns. */
  public boolean isEmpty() {
    return patterns.isEmpty();
  }

  /** Whether some pattern is an exception ({@code !}). */
  public boolean hasExceptions() {
    return patterns.stream().anyMatch(IgnorePattern::exclusion);
  }

  /**
   * Whether the build leaves out {@code relativePath} (slash-separated, relative to the context;
   * cleaned first): the last pattern matching it or one of its parent directories is not an
   * exception. The context root itself is never excluded.
   */
  public boolean excludes(String relativePath) {
    return decidingPattern(relativePath).filter(p -> !p.exclusion()).isPresent();
  }

  /**
   * The pattern that decides {@code relativePath}, following moby's evaluation: patterns that
   * cannot change the outcome are skipped, so this is the last pattern that flipped the result.
   */
  public Optional<IgnorePattern> decidingPattern(String relativePath) {
    String file = GoPaths.clean(relativePath);
    while (file.startsWith("/")) {
      file = GoPaths.clean(file.substring(1));
    }
    if (file.equals(".")) {
      return Optional.empty();
    }
    String parent = GoPaths.dir(file);
    String[] parentDirs = parent.split("/", -1);
    boolean matched = false;
    IgnorePattern decider = null;
    for (IgnorePattern pattern : patterns) {
      if (pattern.exclusion() != matched) {
        continue;
      }
      boolean match = pattern.matches(file);
      if (!match && !parent.equals(".")) {
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < parentDirs.length && !match; i++) {
          if (i > 0) {
            prefix.append('/');
          }
          prefix.append(parentDirs[i]);
          match = pattern.matches(prefix.toString());
        }
      }
      if (match) {
        matched = !pattern.exclusion();
        decider = pattern;
      }
    }
    return Optional.ofNullable(decider);
  }

  /**
   * Whether a {@code COPY}/{@code ADD} source (a path or a {@code filepath.Match} glob, relative to
   * the context) takes {@code relativePath}: it names the path or one of its parent directories;
   * {@code .} names everything. A source BuildKit would refuse takes nothing.
   */
  public static boolean covers(String source, String relativePath) {
    String src = GoPaths.clean(source);
    while (src.startsWith("/")) {
      src = GoPaths.clean(src.substring(1));
    }
    if (src.equals(".")) {
      return true;
    }
    if (!GoPaths.globError(src).isEmpty()) {
      return false;
    }
    IgnorePattern p = IgnorePattern.compile(src, false, 0);
    String file = GoPaths.clean(relativePath);
    if (p.matches(file)) {
      return true;
    }
    for (int i = file.indexOf('/'); i > 0; i = file.indexOf('/', i + 1)) {
      if (p.matches(file.substring(0, i))) {
        return true;
      }
    }
    return false;
  }

  /** Go's {@code strings.TrimSpace}: ASCII white space plus Unicode spaces. */
  private static String goTrimSpace(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && isGoSpace(s.charAt(a))) {
      a++;
    }
    while (b > a && isGoSpace(s.charAt(b - 1))) {
      b--;
    }
    return s.substring(a, b);
  }

  private static boolean isGoSpace(char c) {
    return c == ' '
        || c == '\t'
        || c == '\n'
        || c == '\r'
        || c == '\u000B'
        || c == '\f'
        || c == '\u0085'
        || c == '\u00A0'
        || Character.isSpaceChar(c);
  }

  @Override
  public String toString() {
    return "DockerIgnore" + patterns;
  }
}
