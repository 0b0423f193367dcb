package dev.stowage.lint.rules.size;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Mount;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.dockerfile.shell.Word;
import dev.stowage.lint.Fix;
import dev.stowage.lint.RuleContext;
import java.util.List;
import java.util.Optional;

/** Questions the package-cache rules share: cache mounts, clean-up commands, and flag insertion. */
final class PackageCaches {
  private PackageCaches() {}

  /**
   * Whether the RUN mounts a cache or tmpfs over a directory whose path ends with {@code suffix}
   * (for example {@code /var/cache/apk} or {@code .cache/pip}), so nothing written there lands in
   * the layer.
   */
  static boolean mountsCacheAt(Instruction.Run run, String... suffixes) {
    for (Mount m : run.mounts()) {
      if (!m.isCache() && !m.type().equals("tmpfs")) {
        continue;
      }
      String target = strip(m.target().orElse(""));
      for (String s : suffixes) {
        if (target.equals(s) || target.endsWith(s.startsWith("/") ? s : "/" + s)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String strip(String path) {
    String p = path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  /** Whether a command after {@code cmd} in the script runs one of the clean-up commands. */
  static boolean cleanedAfter(
      ShellScript script, Command cmd, List<String> programs, List<List<String>> subcommands) {
    for (Command c : script.commandsAfter(cmd)) {
      for (String p : programs) {
        if (!c.is(p)) {
          continue; // implied by every test below; spares building the sub-command arrays
        }
        for (List<String> sub : subcommands) {
          if (c.is(p, sub.toArray(String[]::new))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Whether any of {@code paths} is removed by an {@code rm} after {@code cmd}. */
  static boolean removedAfter(ShellScript script, Command cmd, String... paths) {
    for (String p : paths) {
      if (script.isRemovedAfter(cmd, p)) {
        return true;
      }
    }
    return false;
  }

  /** The first positional argument (the sub-command word such as {@code install}), if any. */
  static Optional<Word> subcommandWord(Command cmd) {
    List<Word> positional = cmd.argsWithoutFlags();
    return positional.isEmpty() ? Optional.empty() : Optional.of(positional.get(0));
  }

  /** A fix inserting {@code text} right after {@code word} of the RUN's shell script. */
  static Fix insertAfter(RuleContext ctx, Instruction.Run run, Word word, String text) {
    return Fix.insertBefore(ctx.shellSpan(run, word.offset(), word.endOffset()).end(), text);
  }
}
