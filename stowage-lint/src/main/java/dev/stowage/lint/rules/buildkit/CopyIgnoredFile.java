package dev.stowage.lint.rules.buildkit;

import dev.stowage.context.DockerIgnore;
import dev.stowage.context.IgnorePattern;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.lint.Category;
import dev.stowage.lint.DockerfileRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import dev.stowage.lint.rules.context.ContextSources;
import dev.stowage.lint.rules.context.ContextSources.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A COPY or ADD source from the build context that the context's ignore file leaves out: the file
 * is not sent, so the build fails or copies less than it says. Runs only when the context is known.
 *
 * <p>As BuildKit: the ignore file is {@code <Dockerfile>.dockerignore} next to the Dockerfile when
 * that exists, else {@code .dockerignore} at the context root; a source is ignored when it or one
 * of its parent directories matches (a glob source is matched as written); {@code .} is ignored
 * only under a {@code *}, {@code **} or {@code **}{@code /*} pattern. BuildKit stays silent when the
 * file has {@code !} exceptions; here, with exceptions, a source without wildcards is still
 * reported when it exists in the context and every file it names is left out.
 */
@Rule(
    id = "CopyIgnoredFile",
    title = "Attempting to copy a file that is excluded by .dockerignore",
    severity = Severity.WARNING,
    category = Category.CONTEXT)
public final class CopyIgnoredFile implements DockerfileRule {
  /** Files looked at under a directory source before giving up (and staying silent). */
  private static final int WALK_LIMIT = 20_000;

  private static final Set<String> ROOT_PATTERNS = Set.of("*", "**", "**/*");

  private record IgnoreFile(String name, DockerIgnore ignore) {}

  @Override
  public void check(RuleContext ctx) {
    Optional<Path> dir = ctx.contextDir();
    if (dir.isEmpty()) {
      return;
    }
    Optional<IgnoreFile> file = read(ctx, dir.get());
    if (file.isEmpty() || file.get().ignore().isEmpty()) {
      return;
    }
    for (Stage stage : ctx.model().stages()) {
      for (Instruction.FileTransfer ft : stage.instructions(Instruction.FileTransfer.class)) {
        for (Source s : ContextSources.localSources(ft, ctx.scopeBefore(ft))) {
          String path = clean(s.path());
          decider(file.get().ignore(), path, dir.get())
              .ifPresent(
                  p ->
                      ctx.report(
                          s.word().span(),
                          ft.name()
                              + " source '"
                              + s.path()
                              + "' is excluded by "
                              + file.get().name()
                              + " pattern '"
                              + p.text()
                              + "' (line "
                              + p.line()
                              + "), so it is not in the build context; stop excluding it or"
                              + " stop copying it"));
        }
      }
    }
  }

  /** The pattern that leaves {@code path} out of the context, if the build would leave it out. */
  private static Optional<IgnorePattern> decider(DockerIgnore ignore, String path, Path dir) {
    if (path.isEmpty()) {
      if (ignore.hasExceptions()) {
        return Optional.empty();
      }
      return ignore.patterns().stream()
          .filter(p -> !p.exclusion() && ROOT_PATTERNS.contains(p.text()))
          .findFirst();
    }
    Optional<IgnorePattern> decider =
        ignore.decidingPattern(path).filter(p -> !p.exclusion());
    if (decider.isEmpty() || !ignore.hasExceptions()) {
      return decider;
    }
    // An exception may bring back part of what the source names: decide from the real files.
    if (hasWildcards(path)) {
      return Optional.empty();
    }
    Path target;
    try {
      target = dir.resolve(path).normalize();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
    if (!target.startsWith(dir.normalize())) {
      return Optional.empty();
    }
    if (Files.isRegularFile(target)) {
      return decider;
    }
    if (Files.isDirectory(target) && everythingExcluded(ignore, dir.normalize(), target)) {
      return decider;
    }
    return Optional.empty();
  }

  private static boolean everythingExcluded(DockerIgnore ignore, Path root, Path top) {
    Deque<Path> pending = new ArrayDeque<>();
    pending.push(top);
    int seen = 0;
    while (!pending.isEmpty()) {
      Path d = pending.pop();
      try (Stream<Path> children = Files.list(d)) {
        for (Iterator<Path> it = children.iterator(); it.hasNext(); ) {
          Path c = it.next();
          if (++seen > WALK_LIMIT) {
            return false;
          }
          String rel = root.relativize(c).toString().replace('\\', '/');
          if (!ignore.excludes(rel)) {
            return false;
          }
          if (Files.isDirectory(c) && !Files.isSymbolicLink(c)) {
            pending.push(c);
          }
        }
      } catch (IOException | UncheckedIOException e) {
        return false;
      }
    }
    return true;
  }

  /**
   * The Dockerfile's own {@code <name>.dockerignore} next to it (when the Dockerfile's path is
   * known), else the context's {@code .dockerignore}; empty when neither exists or is readable.
   */
  private static Optional<IgnoreFile> read(RuleContext ctx, Path dir) {
    try {
      Optional<Path> own = ownIgnoreFile(ctx.dockerfile().file(), ctx.options().workingDir());
      if (own.isPresent()) {
        String text = Files.readString(own.get(), StandardCharsets.UTF_8);
        return Optional.of(
            new IgnoreFile(own.get().getFileName().toString(), DockerIgnore.parse(text)));
      }
      return DockerIgnore.read(dir).map(i -> new IgnoreFile(DockerIgnore.FILE_NAME, i));
    } catch (IOException e) {
      return Optional.empty(); // an unreadable ignore file is the build's error to report
    }
  }

  private static Optional<Path> ownIgnoreFile(String dockerfile, Optional<Path> workingDir) {
    if (dockerfile.isEmpty() || dockerfile.equals("-") || dockerfile.startsWith("<")) {
      return Optional.empty();
    }
    try {
      Path df = Path.of(dockerfile);
      if (workingDir.isPresent()) {
        df = workingDir.get().resolve(df);
      }
      if (!Files.isRegularFile(df) || df.getFileName() == null) {
        return Optional.empty();
      }
      Path own = df.resolveSibling(df.getFileName() + DockerIgnore.FILE_NAME);
      return Files.isRegularFile(own) ? Optional.of(own) : Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** Go's {@code path.Clean} relative to the context root; {@code ""} for the root itself. */
  static String clean(String source) {
    Deque<String> parts = new ArrayDeque<>();
    for (String part : source.split("/", -1)) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        parts.pollLast(); // BuildKit keeps sources inside the context
      } else {
        parts.addLast(part);
      }
    }
    return String.join("/", parts);
  }

  /** BuildKit's {@code containsWildcards}: an unescaped {@code *}, {@code ?} or {@code [}. */
  private static boolean hasWildcards(String path) {
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '*' || c == '?' || c == '[') {
        return true;
      }
    }
    return false;
  }
}
