package dev.stowage.dockerfile.shell;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A parsed shell script (the text of a RUN instruction or a heredoc body) with the questions lint
 * rules ask about it; immutable and thread-safe, offsets 0-based into {@link #source()}.
 *
 * <p>{@link #parse} never throws: what it cannot parse degrades to plain words and is listed in
 * {@link #errors()}. Parsing is linear in the input and nesting deeper than a fixed bound is kept
 * unanalysed instead of recursing.
 */
public final class ShellScript {

  private static final Set<String> SHELLS =
      Set.of("sh", "bash", "dash", "zsh", "ash", "ksh", "mksh", "yash");

  private final String source;
  private final Sequence body;
  private final List<ShellError> errors;
  private final List<Command> commands;
  private final List<Pipeline> pipelines;
  private final Map<SimpleCommand, Command> byNode;

  private ShellScript(String source, Sequence body, List<ShellError> errors) {
    this.source = source;
    this.body = body;
    this.errors = errors;
    Walker walker = new Walker(source);
    walker.sequence(body, null, null, -1);
    walker.commands.sort(Comparator.comparingInt(Command::offset));
    Map<SimpleCommand, Command> map = new IdentityHashMap<>();
    for (int i = 0; i < walker.commands.size(); i++) {
      Command c = walker.commands.get(i);
      c.index(i);
      map.put(c.node(), c);
    }
    this.commands = List.copyOf(walker.commands);
    this.byNode = map;
    walker.pipelines.sort(Comparator.comparingInt(Pipeline::offset));
    this.pipelines = List.copyOf(walker.pipelines);
  }

  /** Parses shell text; never throws. */
  public static ShellScript parse(String source) {
    ShellParser.Result result = ShellParser.parse(source);
    return new ShellScript(source, result.body(), result.errors());
  }

  /** The parsed text. */
  public String source() {
    return source;
  }

  /** The syntax tree. */
  public Sequence body() {
    return body;
  }

  /** What could not be parsed, in the order found. */
  public List<ShellError> errors() {
    return errors;
  }

  /**
   * Every simple command in source order, including those inside compound commands, subshells,
   * function bodies, command substitutions and here-documents.
   */
  public List<Command> commands() {
    return commands;
  }

  /** Every pipeline (also single-command ones) in source order; see {@link Pipeline#hasPipe()}. */
  public List<Pipeline> pipelines() {
    return pipelines;
  }

  /**
   * The commands that run {@code program} with the given sub-command path; see {@link Command#is}.
   */
  public List<Command> invocations(String program, String... subcommandPath) {
    List<Command> out = null;
    for (Command c : commands) {
      if (c.is(program, subcommandPath)) {
        if (out == null) {
          out = new ArrayList<>();
        }
        out.add(c);
      }
    }
    return out == null ? List.of() : Collections.unmodifiableList(out);
  }

  /** The view for a syntax node of this script. */
  public Optional<Command> command(SimpleCommand node) {
    return Optional.ofNullable(byNode.get(node));
  }

  /** Every package install ({@code apt-get install}, {@code pip install}, {@code npm ci}, ...). */
  public List<PackageInstall> packageInstalls() {
    List<PackageInstall> cached = installs;
    if (cached != null) {
      return cached;
    }
    List<PackageInstall> out = new ArrayList<>();
    for (Command c : commands) {
      Command target = pythonModule(c);
      PackageManager.forCommand(target.name()).flatMap(m -> m.install(target)).ifPresent(out::add);
    }
    // Computed once per script: many rules ask (#3 lint speed).
    installs = List.copyOf(out);
    return installs;
  }

  private volatile @Nullable List<PackageInstall> installs;

  /** The package installs of one package manager. */
  public List<PackageInstall> packageInstalls(PackageManager manager) {
    return packageInstalls().stream().filter(i -> i.manager() == manager).toList();
  }

  /** {@code python -m pip install x} runs pip. */
  private static Command pythonModule(Command c) {
    String name = Command.baseName(c.name());
    List<Word> words = c.words();
    if (name.startsWith("python") && words.size() > 2 && words.get(1).text().equals("-m")) {
      return c.runningFrom(2, name + " -m");
    }
    return c;
  }

  /** The commands after {@code command} in source order. */
  public List<Command> commandsAfter(Command command) {
    return commands.subList(indexOf(command) + 1, commands.size());
  }

  private int indexOf(Command command) {
    int i = command.index();
    if (i < 0 || i >= commands.size() || commands.get(i) != command) {
      throw new IllegalArgumentException("not a command of this script: " + command);
    }
    return i;
  }

  /**
   * Whether {@code path} is removed by an {@code rm} after {@code command}; glob-aware, so {@code
   * rm -rf /var/lib/apt/lists/*} covers {@code /var/lib/apt/lists} and the reverse, and removing a
   * directory covers everything below it.
   */
  public boolean isRemovedAfter(Command command, String path) {
    return commandsAfter(command).stream().anyMatch(c -> removes(c, path));
  }

  /** Whether {@code path} is removed by any {@code rm} in the script. */
  public boolean isRemoved(String path) {
    return commands.stream().anyMatch(c -> removes(c, path));
  }

  private static boolean removes(Command c, String path) {
    return c.is("rm") && c.argsWithoutFlags().stream().anyMatch(w -> Paths.covers(w.text(), path));
  }

  /** Whether the script changes directory with {@code cd}. */
  public boolean usesCd() {
    return !cdCommands().isEmpty();
  }

  /** The {@code cd} commands. */
  public List<Command> cdCommands() {
    return invocations("cd");
  }

  /**
   * Whether {@code set -o pipefail} (in any spelling: {@code set -euo pipefail}, {@code set -o
   * errexit -o pipefail}, ...) is in effect before the first pipeline with a pipe, or at the end
   * when there is none; scoping by subshells is not modelled.
   */
  public boolean pipefail() {
    int at =
        pipelines.stream()
            .filter(Pipeline::hasPipe)
            .mapToInt(Pipeline::offset)
            .findFirst()
            .orElse(Integer.MAX_VALUE);
    return pipefailBefore(at);
  }

  /** Whether {@code set -o pipefail} is in effect at {@code offset}. */
  public boolean pipefailBefore(int offset) {
    boolean on = false;
    for (Command c : commands) {
      if (c.offset() >= offset) {
        break;
      }
      if (!c.is("set")) {
        continue;
      }
      List<String> args = c.argTexts();
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i);
        if (a.length() < 2 || (a.charAt(0) != '-' && a.charAt(0) != '+') || a.equals("--")) {
          continue;
        }
        boolean enable = a.charAt(0) == '-';
        int o = a.indexOf('o', 1);
        if (o < 0) {
          continue;
        }
        String value =
            o + 1 < a.length() ? a.substring(o + 1) : (i + 1 < args.size() ? args.get(++i) : "");
        if (value.equals("pipefail")) {
          on = enable;
        }
      }
    }
    return on;
  }

  /** Whether some command's output is run by a shell: {@code curl ... | sh}. */
  public boolean pipesIntoShell() {
    return commands.stream().anyMatch(this::isPipedIntoShell);
  }

  /**
   * The commands whose output a shell runs, such as the {@code curl} in {@code curl -fsSL x |
   * bash}.
   */
  public List<Command> commandsPipedIntoShell() {
    return commands.stream().filter(this::isPipedIntoShell).toList();
  }

  /**
   * Whether a shell runs this command's output: a later element of its pipeline is a shell reading
   * its script from standard input ({@code | sh}, {@code | sudo -E bash -}), or the command is
   * substituted into a shell's arguments ({@code sh -c "$(curl ...)"}, {@code bash <(curl ...)}).
   */
  public boolean isPipedIntoShell(Command command) {
    Optional<Pipeline> pipeline = command.pipeline();
    if (pipeline.isPresent()) {
      List<CommandNode> elements = pipeline.get().commands();
      for (int i = command.pipelineIndex() + 1; i < elements.size(); i++) {
        if (elements.get(i) instanceof SimpleCommand node) {
          Command next = byNode.get(node);
          if (next != null && isShell(next) && !next.hasFlag("-c")) {
            return true;
          }
        }
      }
    }
    return command.parent().map(ShellScript::isShell).orElse(false);
  }

  private static boolean isShell(Command c) {
    return SHELLS.contains(Command.baseName(c.name()));
  }

  @Override
  public String toString() {
    return "ShellScript[" + source + "]";
  }

  /** Collects commands and pipelines; recursion follows the parser's bounded nesting. */
  private static final class Walker {
    private final String source;
    private final List<Command> commands = new ArrayList<>();
    private final List<Pipeline> pipelines = new ArrayList<>();

    Walker(String source) {
      this.source = source;
    }

    void sequence(Sequence s, @Nullable Command parent, @Nullable Pipeline pipe, int index) {
      for (AndOrList list : s.items()) {
        for (Pipeline p : list.pipelines()) {
          pipelines.add(p);
          for (int i = 0; i < p.commands().size(); i++) {
            if (p.hasPipe()) {
              command(p.commands().get(i), parent, p, i);
            } else {
              command(p.commands().get(i), parent, pipe, index);
            }
          }
        }
      }
    }

    void command(CommandNode n, @Nullable Command parent, @Nullable Pipeline pipe, int index) {
      switch (n) {
        case SimpleCommand sc -> {
          Command c = new Command(source, sc, parent, pipe, index);
          commands.add(c);
          for (Assignment a : sc.assignments()) {
            word(a.value(), c);
          }
          for (Word w : sc.words()) {
            word(w, c);
          }
          for (Redirection r : sc.redirections()) {
            redirection(r, c);
          }
          return;
        }
        case CommandNode.Subshell s -> sequence(s.body(), parent, pipe, index);
        case CommandNode.BraceGroup b -> sequence(b.body(), parent, pipe, index);
        case CommandNode.If i -> {
          for (CommandNode.IfBranch branch : i.branches()) {
            sequence(branch.condition(), parent, pipe, index);
            sequence(branch.body(), parent, pipe, index);
          }
          i.elseBody().ifPresent(e -> sequence(e, parent, pipe, index));
        }
        case CommandNode.For f -> {
          f.items().ifPresent(items -> items.forEach(w -> word(w, parent)));
          sequence(f.body(), parent, pipe, index);
        }
        case CommandNode.Loop l -> {
          sequence(l.condition(), parent, pipe, index);
          sequence(l.body(), parent, pipe, index);
        }
        case CommandNode.Case c -> {
          word(c.subject(), parent);
          for (CommandNode.CaseItem item : c.items()) {
            item.patterns().forEach(w -> word(w, parent));
            sequence(item.body(), parent, pipe, index);
          }
        }
        case CommandNode.FunctionDefinition f -> command(f.body(), parent, null, -1);
      }
      for (Redirection r : n.redirections()) {
        redirection(r, parent);
      }
    }

    private void redirection(Redirection r, @Nullable Command owner) {
      word(r.target(), owner);
      r.hereDocument().ifPresent(h -> parts(h.parts(), owner));
    }

    private void word(Word w, @Nullable Command owner) {
      parts(w.parts(), owner);
    }

    private void parts(List<WordPart> parts, @Nullable Command owner) {
      // Every word of every RUN: an indexed loop and instanceof tests (#3 lint speed).
      for (int i = 0; i < parts.size(); i++) {
        WordPart part = parts.get(i);
        if (part instanceof WordPart.Literal) {
          continue; // the usual part
        }
        if (part instanceof WordPart.CommandSubstitution cs) {
          sequence(cs.body(), owner, null, -1);
        } else if (part instanceof WordPart.DoubleQuoted dq) {
          parts(dq.parts(), owner);
        } else if (part instanceof WordPart.Parameter p && p.argument().isPresent()) {
          word(p.argument().get(), owner);
        }
      }
    }
  }
}
