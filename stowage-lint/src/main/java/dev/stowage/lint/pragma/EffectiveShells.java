package dev.stowage.lint.pragma;

import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.InstructionNode;
import dev.stowage.dockerfile.model.Base;
import dev.stowage.dockerfile.model.DockerfileModel;
import dev.stowage.dockerfile.model.Stage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The shell that runs each shell-form instruction: {@code /bin/sh -c} unless a SHELL instruction
 * (inherited from a parent stage, as BuildKit does through the image config) or a {@code # hadolint
 * shell=} pragma says otherwise. Immutable.
 */
public final class EffectiveShells {
  /** BuildKit's default shell on Linux. */
  public static final List<String> DEFAULT = List.of("/bin/sh", "-c");

  private static final Set<String> POSIX =
      Set.of("sh", "bash", "dash", "ash", "ksh", "mksh", "zsh", "yash", "busybox");

  private static final boolean DEFAULT_IS_POSIX = isPosix(DEFAULT);

  private final Map<InstructionNode, List<String>> shells;

  private EffectiveShells(Map<InstructionNode, List<String>> shells) {
    this.shells = shells;
  }

  /** Computes the shell of every instruction (ONBUILD triggers take their ONBUILD's). */
  public static EffectiveShells of(Dockerfile df, DockerfileModel model, Pragmas pragmas) {
    Map<InstructionNode, List<String>> out = new IdentityHashMap<>();
    List<Instruction> instructions = df.instructions();
    List<Pragmas.ShellPragma> pragmaShells = pragmas.shells();
    List<String> fileDefault = DEFAULT;
    Map<Integer, List<String>> finalShellOfStage = new HashMap<>();
    List<String> current = DEFAULT;
    int stageIndex = -1;
    int p = 0;
    for (Instruction ins : instructions) {
      int start = ins.span().start();
      // Shell pragmas written before this instruction (comments inside earlier ones included).
      while (p < pragmaShells.size() && pragmaShells.get(p).offset() < start) {
        List<String> named = List.of(pragmaShells.get(p).shell());
        if (stageIndex < 0) {
          fileDefault = named;
        }
        current = named;
        p++;
      }
      if (ins instanceof Instruction.From from) {
        if (stageIndex >= 0) {
          finalShellOfStage.put(stageIndex, current);
        }
        Optional<Stage> stage = model.stageOf(from);
        stageIndex = stage.map(Stage::index).orElse(stageIndex + 1);
        current = fileDefault;
        if (stage.isPresent() && stage.get().base() instanceof Base.StageBase sb) {
          current = finalShellOfStage.getOrDefault(sb.stage(), fileDefault);
        }
      } else if (ins instanceof Instruction.Shell sh
          && sh.isExecForm()
          && !sh.execArgs().isEmpty()) {
        current = List.copyOf(sh.execArgs());
      }
      out.put(ins.syntax(), current);
      if (ins instanceof Instruction.Onbuild ob) {
        List<String> now = current;
        ob.trigger().ifPresent(t -> out.put(t.syntax(), now));
      }
    }
    return new EffectiveShells(out);
  }

  /** The shell (program and its arguments) for an instruction, {@link #DEFAULT} if unknown. */
  public List<String> shellOf(InstructionNode node) {
    return shells.getOrDefault(node, DEFAULT);
  }

  /** Whether {@code node}'s shell form is run by a POSIX-like shell that shell rules understand. */
  public boolean isPosix(InstructionNode node) {
    List<String> shell = shellOf(node);
    // asked for every shell rule and RUN; nearly every instruction has the default shell
    return shell == DEFAULT ? DEFAULT_IS_POSIX : isPosix(shell);
  }

  /** Whether a shell command line names a POSIX-like shell ({@code sh}, {@code bash}, ...). */
  public static boolean isPosix(List<String> shell) {
    return program(shell).map(POSIX::contains).orElse(false);
  }

  /**
   * The ShellCheck dialect ({@code sh}, {@code bash}, {@code dash} or {@code ksh}) for a shell,
   * empty when ShellCheck cannot check it (zsh, PowerShell, cmd, ...).
   */
  public static Optional<String> shellcheckDialect(List<String> shell) {
    return program(shell)
        .flatMap(
            name ->
                switch (name) {
                  case "sh", "yash" -> Optional.of("sh");
                  case "bash" -> Optional.of("bash");
                  // ShellCheck checks ash (and busybox sh) as dash.
                  case "dash", "ash", "busybox" -> Optional.of("dash");
                  case "ksh", "mksh" -> Optional.of("ksh");
                  default -> Optional.empty();
                });
  }

  /** The program's base name, lower-cased, without {@code .exe}, looking through {@code env}. */
  static Optional<String> program(List<String> shell) {
    List<String> words = new ArrayList<>(shell);
    while (!words.isEmpty()) {
      String w = words.remove(0).strip();
      String base = w.substring(Math.max(w.lastIndexOf('/'), w.lastIndexOf('\\')) + 1);
      base = base.toLowerCase(Locale.ROOT);
      if (base.endsWith(".exe")) {
        base = base.substring(0, base.length() - 4);
      }
      if (base.equals("env")) {
        while (!words.isEmpty() && words.get(0).startsWith("-")) {
          words.remove(0);
        }
        continue;
      }
      return base.isEmpty() ? Optional.empty() : Optional.of(base);
    }
    return Optional.empty();
  }
}
