package dev.stowage.lint.shellcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The {@code shellcheck} executable: runs it over many scripts in few processes and reads its
 * {@code json1} output. Immutable and thread-safe.
 */
public final class ShellCheck {
  /**
   * ShellCheck codes hadolint excludes: SC2187 (ash is checked as dash) and SC1090 (a dynamic
   * {@code source} needs a directive a Dockerfile cannot hold); also SC1091, since sourced files
   * come from the image and are never given to ShellCheck.
   */
  public static final List<Integer> EXCLUDED = List.of(1090, 1091, 2187);

  /** Scripts per process: few processes (each start costs ~0.1 s), bounded command lines. */
  static final int BATCH = 200;

  private static final long TIMEOUT_SECONDS = 120;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static volatile Optional<ShellCheck> onPath;

  /**
   * Answers already given in this process, by binary and script text, up to 8 million characters
   * of script (the 497 fixture Dockerfiles, RUN and all, hold 2.4 million characters).
   */
  static final AnswerCache CACHE = new AnswerCache(8_000_000);

  /** ShellCheck processes started by this process (tests read it to see the cache work). */
  static final AtomicLong PROCESSES = new AtomicLong();

  private final Path binary;

  private ShellCheck(Path binary) {
    this.binary = binary;
  }

  /** The {@code shellcheck} found on this process's {@code PATH}, looked up once. */
  public static Optional<ShellCheck> onPath() {
    Optional<ShellCheck> s = onPath;
    if (s == null) {
      String path = System.getenv("PATH");
      s = locate(path == null ? "" : path);
      onPath = s;
    }
    return s;
  }

  /** The first executable {@code shellcheck} in the directories of a {@code PATH} value. */
  public static Optional<ShellCheck> locate(String pathVariable) {
    for (String dir : pathVariable.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      for (String name : List.of("shellcheck", "shellcheck.exe")) {
        Path p = Path.of(dir, name);
        if (Files.isRegularFile(p) && Files.isExecutable(p)) {
          return Optional.of(new ShellCheck(p));
        }
      }
    }
    return Optional.empty();
  }

  public Path binary() {
    return binary;
  }

  /** One comment of ShellCheck, positions 1-based in the script's text as given. */
  public record Comment(
      int script,
      int line,
      int column,
      int endLine,
      int endColumn,
      String level,
      int code,
      String message) {
    /** The same comment on script {@code index}. */
    Comment ofScript(int index) {
      return index == script ? this : new Comment(index, line, column, endLine, endColumn, level, code, message);
    }
  }

  /**
   * Checks scripts (each complete, with its {@code #!} line); comments name scripts by index.
   * A script checked before in this process by the same binary (the warm server lints the same
   * files again and again; official images repeat scripts across variants) is answered from
   * {@link #CACHE}, and each distinct text is given to ShellCheck once.
   *
   * @throws IOException when ShellCheck cannot be run or its output is not what it should be
   */
  public List<Comment> check(List<String> scripts) throws IOException {
    List<Comment> out = new ArrayList<>();
    if (scripts.isEmpty()) {
      return out;
    }
    String binaryId = identity();
    List<List<Comment>> answers = new ArrayList<>(scripts.size());
    Map<String, Integer> toCheck = new LinkedHashMap<>(); // distinct unknown text -> its file number
    for (String text : scripts) {
      List<Comment> known = CACHE.get(binaryId, text);
      answers.add(known);
      if (known == null) {
        toCheck.putIfAbsent(text, toCheck.size());
      }
    }
    if (!toCheck.isEmpty()) {
      List<String> texts = List.copyOf(toCheck.keySet());
      List<List<Comment>> fresh = checkDistinct(texts);
      for (int i = 0; i < scripts.size(); i++) {
        if (answers.get(i) == null) {
          answers.set(i, fresh.get(toCheck.get(scripts.get(i))));
        }
      }
      for (int k = 0; k < texts.size(); k++) {
        CACHE.put(binaryId, texts.get(k), fresh.get(k));
      }
    }
    for (int i = 0; i < scripts.size(); i++) {
      for (Comment c : answers.get(i)) {
        out.add(c.ofScript(i));
      }
    }
    return out;
  }

  /** ShellCheck's comments on each of {@code texts}, in batches of {@link #BATCH} per process. */
  private List<List<Comment>> checkDistinct(List<String> texts) throws IOException {
    List<List<Comment>> byScript = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      byScript.add(new ArrayList<>());
    }
    Path dir = Files.createTempDirectory("stowage-shellcheck");
    try {
      for (int i = 0; i < texts.size(); i++) {
        Files.writeString(dir.resolve(i + ".sh"), texts.get(i), StandardCharsets.UTF_8);
      }
      for (int from = 0; from < texts.size(); from += BATCH) {
        int to = Math.min(texts.size(), from + BATCH);
        for (Comment c : run(dir, from, to)) {
          if (c.script() < from || c.script() >= to) {
            throw new IOException("shellcheck reported a file it was not given: " + c.script() + ".sh");
          }
          byScript.get(c.script()).add(c.ofScript(0));
        }
      }
    } finally {
      delete(dir);
    }
    return byScript.stream().map(List::copyOf).toList();
  }

  /**
   * What tells this binary's answers apart from another's: its real path, size and modification
   * time, so that an upgraded ShellCheck is not answered from the cache of the old one.
   */
  private String identity() {
    try {
      Path real = binary.toRealPath();
      return real + ":" + Files.size(real) + ":" + Files.getLastModifiedTime(real).toMillis();
    } catch (IOException e) {
      return binary.toString();
    }
  }

  private List<Comment> run(Path dir, int from, int to) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(binary.toString());
    cmd.add("--norc");
    cmd.add("--format=json1");
    cmd.add("--severity=style");
    cmd.add("--exclude=" + String.join(",", EXCLUDED.stream().map(c -> "SC" + c).toList()));
    for (int i = from; i < to; i++) {
      cmd.add(i + ".sh");
    }
    PROCESSES.incrementAndGet();
    Process process =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    process.getOutputStream().close();
    CompletableFuture<byte[]> stderr = readAsync(process.getErrorStream());
    byte[] stdout = process.getInputStream().readAllBytes();
    try {
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("shellcheck did not finish within " + TIMEOUT_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for shellcheck", e);
    }
    int rc = process.exitValue();
    // 0: no comments, 1: comments; anything else is a failure of shellcheck itself.
    if (rc != 0 && rc != 1) {
      String err = new String(stderr.join(), StandardCharsets.UTF_8).strip();
      throw new IOException("shellcheck exited with " + rc + (err.isEmpty() ? "" : ": " + err));
    }
    return parse(stdout);
  }

  /** Reads {@code {"comments": [...]}} as written by {@code --format=json1}. */
  static List<Comment> parse(byte[] json) throws IOException {
    JsonNode root = JSON.readTree(json);
    JsonNode comments = root == null ? null : root.get("comments");
    if (comments == null || !comments.isArray()) {
      throw new IOException("shellcheck output has no comments array");
    }
    List<Comment> out = new ArrayList<>();
    for (JsonNode c : comments) {
      String file = c.path("file").asText();
      int script;
      try {
        script = Integer.parseInt(file.substring(0, file.length() - ".sh".length()));
      } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
        throw new IOException("shellcheck reported an unknown file: " + file, e);
      }
      out.add(
          new Comment(
              script,
              c.path("line").asInt(1),
              c.path("column").asInt(1),
              c.path("endLine").asInt(c.path("line").asInt(1)),
              c.path("endColumn").asInt(c.path("column").asInt(1)),
              c.path("level").asText("warning"),
              c.path("code").asInt(),
              c.path("message").asText()));
    }
    return out;
  }

  private static CompletableFuture<byte[]> readAsync(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            return in.readAllBytes();
          } catch (IOException e) {
            return new byte[0];
          }
        });
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /**
   * A least-recently-used map from (binary, script text) to comments (each on script 0), bounded
   * by the characters of script it holds. Thread-safe: files are linted on every core.
   */
  static final class AnswerCache {
    private record Key(String binary, String text) {}

    private final long budget;
    private final LinkedHashMap<Key, List<Comment>> map = new LinkedHashMap<>(256, 0.75f, true);
    private long chars;

    AnswerCache(long budget) {
      this.budget = budget;
    }

    synchronized List<Comment> get(String binary, String text) {
      return map.get(new Key(binary, text));
    }

    synchronized void put(String binary, String text, List<Comment> comments) {
      if (text.length() > budget || map.put(new Key(binary, text), comments) != null) {
        return;
      }
      chars += text.length();
      var eldest = map.entrySet().iterator();
      while (chars > budget && eldest.hasNext()) {
        chars -= eldest.next().getKey().text().length();
        eldest.remove();
      }
    }

    synchronized int size() {
      return map.size();
    }
  }
}
