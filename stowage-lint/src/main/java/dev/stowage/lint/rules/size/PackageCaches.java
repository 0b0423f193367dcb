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
import java.util.function.Function;

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
      if (runsAny(c, programs, subcommands)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code c} is one of {@code programs} with one of the sub-command paths. */
  static boolean runsAny(Command c, List<String> programs, List<List<String>> subcommands) {
    for (int i = 0; i < programs.size(); i++) { // indexed: asked of every command
      String p = programs.get(i);
      if (!c.is(p)) {
        continue; // implied by every test below; spares building the sub-command arrays
      }
      for (List<String> sub : subcommands) {
        if (c.is(p, sub.toArray(String[]::new))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A package manager whose downloads stay in a cache directory unless a clean-up command runs
   * later in the same RUN (DL3032 yum, DL3036 zypper, DL3040 dnf).
   *
   * @param programs the package manager's command names
   * @param installs the sub-command paths that fill the cache
   * @param cleaners the commands that can clean it
   * @param cleans the clean-up sub-command paths
   * @param mountDirs cache or tmpfs mounts over any of these keep the layer clean
   * @param removedDirs an {@code rm} of any of these after the install cleans up too
   * @param message the finding's text for an install command left uncleaned
   */
  record CacheCleanup(
      List<String> programs,
      List<List<String>> installs,
      List<String> cleaners,
      List<List<String>> cleans,
      List<String> mountDirs,
      List<String> removedDirs,
      Function<Command, String> message) {

    /** Reports every install command of the RUN whose cache is left in the layer. */
    void check(Instruction.Run run, RuleContext ctx) {
      Optional<ShellScript> script = ctx.shell(run);
      if (script.isEmpty() || mountsCacheAt(run, mountDirs.toArray(String[]::new))) {
        return;
      }
      String[] removed = removedDirs.toArray(String[]::new);
      for (Command c : script.get().commands()) {
        if (!runsAny(c, programs, installs)
            || cleanedAfter(script.get(), c, cleaners, cleans)
            || removedAfter(script.get(), c, removed)) {
          continue;
        }
        ctx.report(ctx.shellSpan(run, c.offset(), c.endOffset()), message.apply(c));
      }
    }
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
