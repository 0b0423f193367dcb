package dev.stowage.lint.rules.context;

import dev.stowage.context.ContextScan;
import dev.stowage.context.DockerIgnore;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Word;
import dev.stowage.dockerfile.model.Scope;
import dev.stowage.lint.RuleContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What COPY and ADD read from the build context, and what the context holds, for the rules that
 * compare the two.
 */
public final class ContextSources {
  private ContextSources() {}

  /** A build context with its {@code .dockerignore} (if any) and what a full copy would send. */
  public record Context(Path dir, Optional<DockerIgnore> ignore, ContextScan scan) {
    /** Whether {@code .dockerignore} leaves {@code path} out. */
    public boolean excludes(String path) {
      return ignore.map(i -> i.excludes(path)).orElse(false);
    }
  }

  /** A context source of COPY/ADD after variable expansion. */
  public record Source(Word word, String path) {
    /** Whether it names the whole context ({@code .}, {@code ./}, {@code /}). */
    public boolean isWholeContext() {
      String p = path.strip();
      return p.equals(".") || p.equals("./") || p.equals("/") || p.isEmpty();
    }

    /** Whether it takes {@code relativePath} (the path itself or a parent directory). */
    public boolean covers(String relativePath) {
      return DockerIgnore.covers(path, relativePath);
    }
  }

  /** Reads and scans the context when the lint run knows it; empty otherwise or when unreadable. */
  public static Optional<Context> load(RuleContext ctx) {
    Optional<Path> dir = ctx.contextDir();
    if (dir.isEmpty()) {
      return Optional.empty();
    }
    return ctx.contexts().load(dir.get());
  }

  /**
   * Scans of recent contexts, one cache per {@link dev.stowage.lint.Linter} (so one per command
   * run: a long-lived process that makes a linter per run never serves one run's scan to
   * another). Several rules, and every Dockerfile of one folder, share a context: scanning it once
   * per rule and file made linting N files of a folder quadratic (found measuring against
   * dockerfilelint). Entries are dropped when the folder's or its .dockerignore's modification time
   * changes, and after a few seconds. Thread-safe.
   */
  public static final class Cache {
    private static final long MAX_AGE_NANOS = 10_000_000_000L;

    private final Map<Path, Cached> entries =
        new LinkedHashMap<>(16, 0.75f, /* accessOrder= */ true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Path, Cached> eldest) {
            return size() > 8;
          }
        };

    /**
     * How long a scan is trusted without looking at the folder's times again: rules of every file
     * of a folder ask within milliseconds, and two stat calls per rule per file were a fifth of a
     * lint run's system time (#3 lint speed).
     */
    private static final long RECHECK_NANOS = 100_000_000L;

    private static final class Cached {
      final Optional<Context> context;
      final long stamp;
      final long madeAt;
      volatile long checkedAt;

      Cached(Optional<Context> context, long stamp, long madeAt) {
        this.context = context;
        this.stamp = stamp;
        this.madeAt = madeAt;
        this.checkedAt = madeAt;
      }
    }

    /** The context of {@code dir}, scanned now or recently. */
    public Optional<Context> load(Path dir) {
      Path key = dir.toAbsolutePath().normalize();
      Cached c;
      synchronized (entries) {
        c = entries.get(key);
      }
      long now = System.nanoTime();
      boolean fresh = c != null && now - c.madeAt < MAX_AGE_NANOS;
      if (fresh && now - c.checkedAt < RECHECK_NANOS) {
        return c.context;
      }
      long stamp = stamp(key);
      if (fresh && c.stamp == stamp) {
        c.checkedAt = now;
        return c.context;
      }
      Optional<Context> context;
      try {
        Optional<DockerIgnore> ignore = DockerIgnore.read(dir);
        ContextScan scan = ContextScan.scan(dir, ignore.orElse(DockerIgnore.none()));
        context = Optional.of(new Context(dir, ignore, scan));
      } catch (IOException e) {
        // An unreadable context is the build's error to report, not a rule's.
        context = Optional.empty();
      }
      synchronized (entries) {
        entries.put(key, new Cached(context, stamp, System.nanoTime()));
      }
      return context;
    }
  }

  /** The folder's and its .dockerignore's modification times (0 for a missing one: no exception). */
  private static long stamp(Path dir) {
    return dir.toFile().lastModified() * 31
        + dir.resolve(DockerIgnore.FILE_NAME).toFile().lastModified();
  }

  /**
   * The sources COPY or ADD reads from the build context, expanded in {@code scope}: none for
   * {@code --from}, heredocs, URLs and git repositories.
   */
  public static List<Source> localSources(Instruction.FileTransfer ins, Scope scope) {
    if (ins.from().isPresent()) {
      return List.of();
    }
    List<Source> out = new ArrayList<>();
    for (Word w : ins.sources()) {
      if (w.value().startsWith("<<")) {
        continue;
      }
      String value = scope.expandOrRaw(w.value());
      if (isRemote(value)) {
        continue;
      }
      out.add(new Source(w, value));
    }
    return out;
  }

  /** Whether an ADD source is fetched over the network (HTTP or git). */
  public static boolean isRemote(String source) {
    String s = source.toLowerCase(Locale.ROOT);
    return s.startsWith("http://") || s.startsWith("https://") || isGit(source);
  }

  /**
   * Whether an ADD source is a git repository, as BuildKit recognises one: {@code git://}, {@code
   * git@host:}, {@code ssh://}, or an HTTP(S) URL whose path ends in {@code .git}.
   */
  public static boolean isGit(String source) {
    String s = source.toLowerCase(Locale.ROOT);
    if (s.startsWith("git://") || s.startsWith("git@") || s.startsWith("ssh://")) {
      return true;
    }
    if (s.startsWith("http://") || s.startsWith("https://")) {
      String path = s.replaceFirst("[#?].*$", "");
      return path.endsWith(".git");
    }
    return false;
  }

  /** {@code .git (4.2 MB)}. */
  public static String describe(ContextScan.NotableItem item) {
    return item.path()
        + (item.directory() ? "/" : "")
        + " ("
        + ContextScan.humanBytes(item.sentBytes())
        + ")";
  }
}
