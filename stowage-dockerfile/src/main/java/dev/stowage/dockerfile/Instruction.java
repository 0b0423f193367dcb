package dev.stowage.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A typed, read-only view of one Dockerfile instruction over its {@link InstructionNode}. One
 * record per instruction; unknown keywords become {@link Unknown}. Immutable.
 */
public sealed interface Instruction
    permits Instruction.From,
        Instruction.Arg,
        Instruction.Env,
        Instruction.Label,
        Instruction.CommandForm,
        Instruction.FileTransfer,
        Instruction.Workdir,
        Instruction.User,
        Instruction.Expose,
        Instruction.Volume,
        Instruction.Healthcheck,
        Instruction.Onbuild,
        Instruction.Stopsignal,
        Instruction.Maintainer,
        Instruction.Unknown {

  InstructionNode syntax();

  /** The keyword upper-cased. */
  default String name() {
    return syntax().name();
  }

  default int line() {
    return syntax().line();
  }

  default int endLine() {
    return syntax().endLine();
  }

  default List<Flag> flags() {
    return syntax().flags();
  }

  default Optional<Flag> flag(String name) {
    return syntax().flag(name);
  }

  default List<Word> args() {
    return syntax().args();
  }

  default Span span() {
    return syntax().span();
  }

  /** Makes the typed view of a node. */
  static Instruction of(InstructionNode node) {
    return switch (node.name()) {
      case "FROM" -> new From(node);
      case "ARG" -> new Arg(node);
      case "ENV" -> new Env(node);
      case "LABEL" -> new Label(node);
      case "RUN" -> new Run(node);
      case "CMD" -> new Cmd(node);
      case "ENTRYPOINT" -> new Entrypoint(node);
      case "SHELL" -> new Shell(node);
      case "COPY" -> new Copy(node);
      case "ADD" -> new Add(node);
      case "WORKDIR" -> new Workdir(node);
      case "USER" -> new User(node);
      case "EXPOSE" -> new Expose(node);
      case "VOLUME" -> new Volume(node);
      case "HEALTHCHECK" -> new Healthcheck(node);
      case "ONBUILD" -> new Onbuild(node);
      case "STOPSIGNAL" -> new Stopsignal(node);
      case "MAINTAINER" -> new Maintainer(node);
      default -> new Unknown(node);
    };
  }

  /** The keywords BuildKit knows, upper-cased. */
  List<String> KEYWORDS =
      List.of(
          "FROM", "ARG", "ENV", "LABEL", "RUN", "CMD", "ENTRYPOINT", "SHELL", "COPY", "ADD",
          "WORKDIR", "USER", "EXPOSE", "VOLUME", "HEALTHCHECK", "ONBUILD", "STOPSIGNAL",
          "MAINTAINER");

  /** A name with an optional value: an ARG declaration, or an ENV or LABEL pair. */
  record KeyValue(String key, Optional<String> value, Span keySpan, Span span) {}

  /** Instructions that take a command in shell form or exec (JSON) form. */
  sealed interface CommandForm extends Instruction permits Run, Cmd, Entrypoint, Shell {
    /** Whether the command is in exec (JSON array) form. */
    default boolean isExecForm() {
      return syntax().json();
    }

    /** The exec-form elements (empty in shell form). */
    default List<String> execArgs() {
      return isExecForm() ? args().stream().map(Word::value).toList() : List.of();
    }

    /** The shell-form command text (continuations removed), empty in exec form. */
    default Optional<String> shellCommand() {
      return isExecForm() || args().isEmpty() ? Optional.empty() : Optional.of(args().get(0).value());
    }
  }

  /** {@code FROM [--platform=P] image [AS name]}. */
  record From(InstructionNode syntax) implements Instruction {
    public Optional<Word> image() {
      return args().isEmpty() ? Optional.empty() : Optional.of(args().get(0));
    }

    /** The stage name after {@code AS}, as written. */
    public Optional<Word> stageName() {
      List<Word> a = args();
      return a.size() == 3 && a.get(1).value().equalsIgnoreCase("as")
          ? Optional.of(a.get(2))
          : Optional.empty();
    }

    /** The {@code AS} word, as written (its case matters to FromAsCasing). */
    public Optional<Word> asKeyword() {
      List<Word> a = args();
      return a.size() == 3 && a.get(1).value().equalsIgnoreCase("as")
          ? Optional.of(a.get(1))
          : Optional.empty();
    }

    public Optional<String> platform() {
      return flag("platform").map(Flag::valueOrEmpty);
    }
  }

  /** {@code ARG name[=default] ...}. */
  record Arg(InstructionNode syntax) implements Instruction {
    /** Each declared name with its default value as written (quotes kept). */
    public List<KeyValue> declarations() {
      List<KeyValue> out = new ArrayList<>();
      for (Word w : args()) {
        int eq = w.value().indexOf('=');
        if (eq < 0) {
          out.add(new KeyValue(w.value(), Optional.empty(), w.span(), w.span()));
        } else {
          Span key = new Span(w.span().start(), Math.min(w.span().end(), w.span().start() + eq));
          out.add(
              new KeyValue(w.value().substring(0, eq), Optional.of(w.value().substring(eq + 1)), key, w.span()));
        }
      }
      return out;
    }
  }

  /** Shared reading of ENV and LABEL pairs. */
  private static List<KeyValue> pairs(List<Word> args) {
    List<KeyValue> out = new ArrayList<>();
    for (int i = 0; i + 1 < args.size(); i += 2) {
      Word k = args.get(i);
      Word v = args.get(i + 1);
      out.add(new KeyValue(k.value(), Optional.of(v.value()), k.span(), k.span().union(v.span())));
    }
    return out;
  }

  /** {@code ENV key=value ...} or the legacy {@code ENV key value}. */
  record Env(InstructionNode syntax) implements Instruction {
    public List<KeyValue> pairs() {
      return Instruction.pairs(args());
    }
  }

  /** {@code LABEL key=value ...}. */
  record Label(InstructionNode syntax) implements Instruction {
    public List<KeyValue> pairs() {
      return Instruction.pairs(args());
    }
  }

  /** {@code RUN [--mount=...] [--network=...] [--security=...] command}. */
  record Run(InstructionNode syntax) implements CommandForm {
    public List<Mount> mounts() {
      List<Flag> flags = syntax.flags("mount");
      // asked by many rules of every RUN; most RUNs have no mounts (#3 lint speed)
      return flags.isEmpty()
          ? List.of()
          : flags.stream().map(f -> Mount.parse(f.valueOrEmpty())).toList();
    }

    public Optional<String> network() {
      return flag("network").map(Flag::valueOrEmpty);
    }

    public Optional<String> security() {
      return flag("security").map(Flag::valueOrEmpty);
    }

    public List<Heredoc> heredocs() {
      return syntax.heredocs();
    }
  }

  /** {@code CMD}. */
  record Cmd(InstructionNode syntax) implements CommandForm {}

  /** {@code ENTRYPOINT}. */
  record Entrypoint(InstructionNode syntax) implements CommandForm {}

  /** {@code SHELL ["executable", "parameters"]}. */
  record Shell(InstructionNode syntax) implements CommandForm {}

  /** Shared reading of COPY and ADD. */
  sealed interface FileTransfer extends Instruction permits Copy, Add {
    /** The sources: every argument but the last (heredoc markers included, as BuildKit has). */
    default List<Word> sources() {
      List<Word> a = args();
      return a.size() < 2 ? List.of() : a.subList(0, a.size() - 1);
    }

    default Optional<Word> destination() {
      List<Word> a = args();
      return a.size() < 2 ? Optional.empty() : Optional.of(a.get(a.size() - 1));
    }

    default Optional<String> from() {
      return flag("from").map(Flag::valueOrEmpty);
    }

    default Optional<String> chown() {
      return flag("chown").map(Flag::valueOrEmpty);
    }

    default Optional<String> chmod() {
      return flag("chmod").map(Flag::valueOrEmpty);
    }

    default boolean link() {
      return flag("link").map(f -> !f.valueOrEmpty().equals("false")).orElse(false);
    }

    default List<Heredoc> heredocs() {
      return syntax().heredocs();
    }
  }

  /** {@code COPY [--from=...] [--chown=...] [--chmod=...] [--link] src... dest}. */
  record Copy(InstructionNode syntax) implements FileTransfer {}

  /** {@code ADD [--checksum=...] [--keep-git-dir] src... dest}. */
  record Add(InstructionNode syntax) implements FileTransfer {
    public Optional<String> checksum() {
      return flag("checksum").map(Flag::valueOrEmpty);
    }
  }

  /** {@code WORKDIR path}. */
  record Workdir(InstructionNode syntax) implements Instruction {
    public Optional<Word> path() {
      return args().isEmpty() ? Optional.empty() : Optional.of(args().get(0));
    }
  }

  /** {@code USER user[:group]}. */
  record User(InstructionNode syntax) implements Instruction {
    public Optional<String> user() {
      return args().isEmpty() ? Optional.empty() : Optional.of(args().get(0).value().split(":", 2)[0]);
    }

    public Optional<String> group() {
      if (args().isEmpty()) {
        return Optional.empty();
      }
      String[] parts = args().get(0).value().split(":", 2);
      return parts.length == 2 ? Optional.of(parts[1]) : Optional.empty();
    }
  }

  /** {@code EXPOSE port[/proto] ...}. */
  record Expose(InstructionNode syntax) implements Instruction {
    public List<Word> ports() {
      return args();
    }
  }

  /** {@code VOLUME path ...} or JSON form. */
  record Volume(InstructionNode syntax) implements Instruction {
    public List<Word> paths() {
      return args();
    }
  }

  /** {@code HEALTHCHECK [options] CMD command} or {@code HEALTHCHECK NONE}. */
  record Healthcheck(InstructionNode syntax) implements Instruction {
    /** {@code CMD}, {@code NONE}, or whatever word was written, upper-cased. */
    public Optional<String> type() {
      return args().isEmpty()
          ? Optional.empty()
          : Optional.of(args().get(0).value().toUpperCase(Locale.ROOT));
    }

    public boolean isNone() {
      return type().filter("NONE"::equals).isPresent();
    }

    /** The command after {@code CMD}: JSON elements, or one shell-form string. */
    public List<Word> command() {
      return args().size() <= 1 ? List.of() : args().subList(1, args().size());
    }

    public boolean isExecForm() {
      return syntax.json();
    }
  }

  /** {@code ONBUILD instruction}. */
  record Onbuild(InstructionNode syntax) implements Instruction {
    public Optional<Instruction> trigger() {
      return syntax.child().map(Instruction::of);
    }
  }

  /** {@code STOPSIGNAL signal}. */
  record Stopsignal(InstructionNode syntax) implements Instruction {
    public Optional<Word> signal() {
      return args().isEmpty() ? Optional.empty() : Optional.of(args().get(0));
    }
  }

  /** {@code MAINTAINER name} (deprecated). */
  record Maintainer(InstructionNode syntax) implements Instruction {}

  /** A keyword BuildKit does not know; reported by the parser, kept in the tree. */
  record Unknown(InstructionNode syntax) implements Instruction {}
}
