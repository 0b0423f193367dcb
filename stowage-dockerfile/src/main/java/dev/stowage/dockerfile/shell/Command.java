package dev.stowage.dockerfile.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The query view of one simple command: the program it runs after skipping leading assignments and
 * transparent wrappers ({@code sudo}, {@code env}, {@code nice}, {@code time}, {@code command},
 * {@code exec}, {@code nohup}, {@code xargs}, ...), its arguments and flags, and where it sits in
 * the script; immutable, offsets 0-based into the parsed input.
 *
 * <p>Flag questions use a built-in table of value-taking flags for well-known programs (package
 * managers, {@code curl}, {@code wget}, {@code tar}, {@code set}, ...); the variants taking a set
 * of flag names replace that table.
 */
public final class Command {

  private record Wrapper(
      Set<String> valueFlags, boolean skipsAssignments, Set<String> notWrapping) {}

  private static final Map<String, Wrapper> WRAPPERS =
      Map.ofEntries(
          Map.entry(
              "sudo",
              new Wrapper(
                  Set.of(
                      "-u",
                      "-g",
                      "-h",
                      "-p",
                      "-C",
                      "-D",
                      "-r",
                      "-t",
                      "-U",
                      "-T",
                      "--user",
                      "--group",
                      "--host",
                      "--prompt",
                      "--close-from",
                      "--chdir",
                      "--role",
                      "--type",
                      "--other-user",
                      "--command-timeout"),
                  true,
                  Set.of("-l", "-v", "-k", "-K", "-e", "--list", "--validate", "--edit"))),
          Map.entry(
              "env",
              new Wrapper(
                  Set.of("-u", "-C", "-S", "--unset", "--chdir", "--split-string"),
                  true,
                  Set.of())),
          Map.entry("nice", new Wrapper(Set.of("-n", "--adjustment"), false, Set.of())),
          Map.entry(
              "time", new Wrapper(Set.of("-f", "-o", "--format", "--output"), false, Set.of())),
          Map.entry("command", new Wrapper(Set.of(), false, Set.of("-v", "-V"))),
          Map.entry("exec", new Wrapper(Set.of("-a"), false, Set.of())),
          Map.entry("nohup", new Wrapper(Set.of(), false, Set.of())),
          Map.entry("builtin", new Wrapper(Set.of(), false, Set.of())),
          Map.entry("eatmydata", new Wrapper(Set.of(), false, Set.of())),
          Map.entry(
              "xargs",
              new Wrapper(
                  Set.of(
                      "-I",
                      "-n",
                      "-P",
                      "-L",
                      "-s",
                      "-d",
                      "-E",
                      "-a",
                      "--max-args",
                      "--max-procs",
                      "--max-lines",
                      "--max-chars",
                      "--delimiter",
                      "--arg-file",
                      "--replace",
                      "--eof"),
                  false,
                  Set.of())));

  private static final Map<String, Set<String>> KNOWN_VALUE_FLAGS = knownValueFlags();

  private static Map<String, Set<String>> knownValueFlags() {
    Map<String, Set<String>> table = new HashMap<>();
    table.put(
        "curl",
        Set.of(
            "-o",
            "-H",
            "-d",
            "-X",
            "-u",
            "-A",
            "-e",
            "-w",
            "-m",
            "-x",
            "-T",
            "-F",
            "-E",
            "-K",
            "--output",
            "--header",
            "--data",
            "--data-raw",
            "--data-binary",
            "--request",
            "--user",
            "--user-agent",
            "--referer",
            "--write-out",
            "--max-time",
            "--proxy",
            "--upload-file",
            "--form",
            "--cert",
            "--cacert",
            "--retry",
            "--retry-delay",
            "--retry-max-time",
            "--connect-timeout",
            "--resolve",
            "--config",
            "--proto",
            "--tlsv1.2"));
    table.put(
        "wget",
        Set.of(
            "-O",
            "-P",
            "-o",
            "-a",
            "-t",
            "-T",
            "-U",
            "-e",
            "--output-document",
            "--directory-prefix",
            "--output-file",
            "--tries",
            "--timeout",
            "--user-agent",
            "--header",
            "--user",
            "--password",
            "--ca-certificate"));
    table.put("tar", Set.of("-f", "-C", "-T", "-X", "-b", "--file", "--directory", "--exclude"));
    table.put("git", Set.of("-C", "-c", "--git-dir", "--work-tree"));
    table.put("set", Set.of("-o"));
    table.put("useradd", Set.of("-u", "-g", "-G", "-d", "-s", "-c", "-k", "-e", "-f", "-K"));
    table.put(
        "adduser",
        Set.of(
            "-u",
            "-g",
            "-G",
            "-h",
            "-s",
            "--uid",
            "--gid",
            "--home",
            "--shell",
            "--ingroup",
            "--gecos"));
    table.put("groupadd", Set.of("-g", "-K"));
    table.put("addgroup", Set.of("-g", "--gid"));
    table.put("mkdir", Set.of("-m", "--mode"));
    table.put(
        "install",
        Set.of("-m", "-o", "-g", "-t", "--mode", "--owner", "--group", "--target-directory"));
    table.put("sed", Set.of("-e", "-f", "--expression", "--file"));
    table.put("grep", Set.of("-e", "-f", "-m", "-A", "-B", "-C"));
    table.put("gpg", Set.of("--keyserver", "--homedir", "-o", "--output"));
    table.put("unzip", Set.of("-d"));
    table.put("ln", Set.of("-t", "--target-directory"));
    table.put("cp", Set.of("-t", "--target-directory"));
    table.put("mv", Set.of("-t", "--target-directory"));
    table.put("chown", Set.of("--from", "--reference"));
    table.put("sh", Set.of("-o"));
    table.put("bash", Set.of("-o", "--rcfile", "--init-file"));
    for (PackageManager manager : PackageManager.values()) {
      for (String name : manager.commands()) {
        table.put(name, manager.valueFlags());
      }
    }
    return Map.copyOf(table);
  }

  private final String source;
  private final SimpleCommand node;
  private final List<Word> words;
  private final List<String> wrappers;
  private final @Nullable Command parent;
  private final @Nullable Pipeline pipeline;
  private final int pipelineIndex;
  // set once by ShellScript before the script is published; see ShellScript's constructor
  private int index = -1;

  Command(
      String source,
      SimpleCommand node,
      @Nullable Command parent,
      @Nullable Pipeline pipeline,
      int pipelineIndex) {
    this.source = source;
    this.node = node;
    this.parent = parent;
    this.pipeline = pipeline;
    this.pipelineIndex = pipelineIndex;
    List<String> skipped = new ArrayList<>();
    this.words = unwrap(node.words(), skipped);
    this.wrappers = skipped.isEmpty() ? List.of() : List.copyOf(skipped);
  }

  private Command(Command base, List<Word> words, List<String> wrappers) {
    this.source = base.source;
    this.node = base.node;
    this.parent = base.parent;
    this.pipeline = base.pipeline;
    this.pipelineIndex = base.pipelineIndex;
    this.index = base.index;
    this.words = List.copyOf(words);
    this.wrappers = List.copyOf(wrappers);
  }

  /** A view of this command that runs {@code words.get(from)} with its following words. */
  Command runningFrom(int from, String wrapper) {
    List<String> all = new ArrayList<>(wrappers);
    all.add(wrapper);
    return new Command(this, words.subList(from, words.size()), all);
  }

  private static List<Word> unwrap(List<Word> words, List<String> skipped) {
    int i = 0;
    int n = words.size();
    while (i < n) {
      String name = baseName(words.get(i).text());
      Wrapper wrapper = WRAPPERS.get(name);
      if (wrapper == null) {
        break;
      }
      int j = i + 1;
      boolean wraps = true;
      while (j < n) {
        String a = words.get(j).text();
        if (a.equals("--")) {
          j++;
          break;
        }
        if (a.length() < 2 || a.charAt(0) != '-') {
          break;
        }
        if (wrapper.notWrapping().contains(a)) {
          wraps = false;
          break;
        }
        boolean takesValue =
            wrapper.valueFlags().contains(a)
                || (!a.startsWith("--")
                    && a.indexOf('=') < 0
                    && wrapper.valueFlags().contains("-" + a.charAt(a.length() - 1)));
        j += takesValue ? 2 : 1;
      }
      if (wrapper.skipsAssignments()) {
        while (j < n && isAssignmentText(words.get(j).text())) {
          j++;
        }
      }
      if (!wraps || j >= n) {
        break;
      }
      skipped.add(name);
      i = j;
    }
    // List.copyOf keeps an already immutable list as it is: no copy for unwrapped commands
    return List.copyOf(i == 0 ? words : words.subList(i, n));
  }

  private static boolean isAssignmentText(String text) {
    int eq = text.indexOf('=');
    if (eq < 1 || !ShellParser.isNameStart(text.charAt(0))) {
      return false;
    }
    for (int k = 1; k < eq; k++) {
      if (!ShellParser.isNameChar(text.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  static String baseName(String program) {
    if (program.isEmpty() || program.charAt(0) != '/' && program.indexOf('/') < 0) {
      return program;
    }
    int slash = program.lastIndexOf('/');
    return slash >= 0 && slash < program.length() - 1 ? program.substring(slash + 1) : program;
  }

  /** The syntax node as written. */
  public SimpleCommand node() {
    return node;
  }

  /** The variable assignments written before the command. */
  public List<Assignment> assignments() {
    return node.assignments();
  }

  /** The command's redirections. */
  public List<Redirection> redirections() {
    return node.redirections();
  }

  /** The words from the program name on, after wrappers. */
  public List<Word> words() {
    return words;
  }

  /** The wrappers skipped to reach the program, outermost first, e.g. {@code [sudo, env]}. */
  public List<String> wrappers() {
    return wrappers;
  }

  /**
   * The program as written after quote removal ({@code apt-get}, {@code /usr/bin/pip3}, {@code
   * $CC}); empty for a command made only of assignments or redirections.
   */
  public String name() {
    return words.isEmpty() ? "" : words.get(0).text();
  }

  /** {@link #name()}'s base name, computed once: {@link #is} asks it of every command often. */
  private String baseName() {
    String b = baseName;
    if (b == null) {
      b = baseName(name());
      baseName = b;
    }
    return b;
  }

  private @Nullable String baseName;

  /** The program word, absent for a command made only of assignments or redirections. */
  public Optional<Word> nameWord() {
    return words.isEmpty() ? Optional.empty() : Optional.of(words.get(0));
  }

  /** The words after the program name. */
  public List<Word> args() {
    return words.isEmpty() ? List.of() : words.subList(1, words.size());
  }

  /** The words after the program name as {@link Word#text()}. */
  public List<String> argTexts() {
    return args().stream().map(Word::text).toList();
  }

  /**
   * Whether this command runs {@code program} (compared with the name or its base name, so {@code
   * /usr/bin/apt-get} is {@code apt-get}) and its positional arguments start with {@code
   * subcommandPath}, e.g. {@code is("apt-get", "install")} or {@code is("npm", "cache", "clean")}.
   */
  public boolean is(String program, String... subcommandPath) {
    String name = name();
    if (!name.equals(program) && !baseName().equals(program)) {
      return false;
    }
    if (subcommandPath.length == 0) {
      return true;
    }
    List<String> positional = arguments().positionalTexts();
    if (positional.size() < subcommandPath.length) {
      return false;
    }
    for (int i = 0; i < subcommandPath.length; i++) {
      if (!positional.get(i).equals(subcommandPath[i])) {
        return false;
      }
    }
    return true;
  }

  /** The first positional argument, such as {@code install} in {@code apt-get -y install x}. */
  public Optional<String> subcommand() {
    List<Word> positional = arguments().positional();
    return positional.isEmpty() ? Optional.empty() : Optional.of(positional.get(0).text());
  }

  /** The arguments split with the built-in value-flag table for this program. */
  public Arguments arguments() {
    Arguments a = arguments;
    if (a == null) {
      // Computed once: rules ask every command for its arguments (#3 lint speed).
      a = Arguments.of(args(), KNOWN_VALUE_FLAGS.getOrDefault(baseName(name()), Set.of()));
      arguments = a;
    }
    return a;
  }

  private @Nullable Arguments arguments;

  /**
   * A fact derived from this command alone, computed by {@code compute} the first time {@code key}
   * is asked for and remembered for the command's lifetime. {@code key} is compared by identity;
   * callers keep one private constant per kind of fact. Rules ask the same commands the same
   * questions many times per run (#3 lint speed). {@code compute} must depend only on the command.
   */
  public <T> T memo(Object key, Function<? super Command, ? extends T> compute) {
    Object[] m = memo;
    for (int i = 0; i < m.length; i += 2) {
      if (m[i] == key) {
        @SuppressWarnings("unchecked")
        T v = (T) m[i + 1];
        return v;
      }
    }
    T value = compute.apply(this);
    Object[] grown = Arrays.copyOf(memo, memo.length + 2);
    grown[grown.length - 2] = key;
    grown[grown.length - 1] = value;
    memo = grown;
    return value;
  }

  // key, value pairs; replaced whole (copy on write), so readers always see complete pairs
  private volatile Object[] memo = new Object[0];

  /** The arguments split knowing exactly which flags take a value. */
  public Arguments arguments(Set<String> valueFlags) {
    return Arguments.of(args(), valueFlags);
  }

  /** Whether any of the named flags is set: {@code hasFlag("-y", "--yes", "--assume-yes")}. */
  public boolean hasFlag(String... names) {
    return arguments().hasFlag(names);
  }

  /**
   * The value of the first of the named flags, which are taken to need a value: {@code -o val},
   * {@code -oval}, {@code --opt=val}, {@code --opt val}.
   */
  public Optional<String> flagValue(String... names) {
    Set<String> valueFlags =
        new HashSet<>(KNOWN_VALUE_FLAGS.getOrDefault(baseName(name()), Set.of()));
    valueFlags.addAll(Arrays.asList(names));
    return arguments(valueFlags).flagValue(names);
  }

  /** The positional arguments, using the built-in value-flag table for this program. */
  public List<Word> argsWithoutFlags() {
    return arguments().positional();
  }

  /** The positional arguments, knowing exactly which flags take a value. */
  public List<Word> argsWithoutFlags(Set<String> valueFlags) {
    return arguments(valueFlags).positional();
  }

  /** The pipeline this command is an element of (directly or inside a compound element). */
  public Optional<Pipeline> pipeline() {
    return Optional.ofNullable(pipeline);
  }

  /** This command's element index in {@link #pipeline()}, or -1. */
  public int pipelineIndex() {
    return pipeline == null ? -1 : pipelineIndex;
  }

  /** The command whose words contain the substitution this command runs in, if any. */
  public Optional<Command> parent() {
    return Optional.ofNullable(parent);
  }

  int index() {
    return index;
  }

  void index(int value) {
    this.index = value;
  }

  /** Start of the command including assignments and wrappers, 0-based. */
  public int offset() {
    return node.offset();
  }

  /** End of the command, 0-based and exclusive. */
  public int endOffset() {
    return node.endOffset();
  }

  /** The command as written. */
  public String raw() {
    return source.substring(node.offset(), node.endOffset());
  }

  @Override
  public String toString() {
    return raw();
  }
}
