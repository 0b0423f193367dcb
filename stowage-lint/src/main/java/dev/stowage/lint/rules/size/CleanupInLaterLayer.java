package dev.stowage.lint.rules.size;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Mount;
import dev.stowage.dockerfile.Word;
import dev.stowage.dockerfile.model.Base;
import dev.stowage.dockerfile.model.Scope;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.lint.Category;
import dev.stowage.lint.DockerfileRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import dev.stowage.lint.rules.performance.BuildCommands;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An {@code rm} of files that an earlier instruction (a RUN, COPY or ADD) wrote. Each instruction
 * is its own layer, so the files stay in the earlier layer and the image does not get any smaller;
 * only deleting them in the instruction that creates them saves the bytes.
 */
@Rule(
    id = "ST2003",
    title = "Files removed in a later layer than the one that added them",
    severity = Severity.WARNING,
    category = Category.SIZE)
public final class CleanupInLaterLayer implements DockerfileRule {

  /** A path an instruction left in its layer; {@code tool} when a package manager made it. */
  private record Created(String path, Instruction by, boolean tool) {}

  private record StageState(List<Created> created, Optional<String> cwd) {}

  @Override
  public void check(RuleContext ctx) {
    Map<Integer, StageState> done = new HashMap<>();
    for (Stage stage : ctx.model().stages()) {
      List<Created> created = new ArrayList<>();
      Optional<String> cwd = Optional.empty();
      if (stage.base() instanceof Base.StageBase sb && done.containsKey(sb.stage())) {
        created.addAll(done.get(sb.stage()).created());
        cwd = done.get(sb.stage()).cwd();
      }
      for (Instruction ins : stage.instructions()) {
        switch (ins) {
          case Instruction.Workdir w -> {
            Scope scope = ctx.scopeBefore(ins);
            String here = cwd0(cwd);
            cwd = w.path().map(p -> resolve(Optional.of(here), scope.expandOrRaw(p.value())));
          }
          case Instruction.FileTransfer ft -> {
            if (ft.heredocs().isEmpty()) {
              Scope scope = ctx.scopeBefore(ins);
              added(ft, scope, cwd).forEach(p -> created.add(new Created(p, ft, false)));
            }
          }
          case Instruction.Run run -> run(ctx, run, created, cwd);
          default -> {}
        }
      }
      done.put(stage.index(), new StageState(List.copyOf(created), cwd));
    }
  }

  private static String cwd0(Optional<String> cwd) {
    return cwd.orElse("/");
  }

  private static void run(RuleContext ctx, Instruction.Run run, List<Created> created, Optional<String> cwd) {
    Optional<ShellScript> parsed = ctx.shell(run);
    if (parsed.isEmpty()) {
      return;
    }
    ShellScript script = parsed.get();
    List<String> mounted =
        run.mounts().stream().flatMap(m -> m.target().stream()).toList();
    for (Command c : script.commands()) {
      if (created.isEmpty() || !c.is("rm") || c.parent().isPresent()) {
        continue;
      }
      ShellScript rm = ShellScript.parse(c.raw());
      for (Created made : List.copyOf(created)) {
        if (!rm.isRemoved(made.path())
            || mounted.stream().anyMatch(t -> isUnder(made.path(), t))
            || (made.tool() && recreatedBefore(script, c, made.path()))) {
          continue;
        }
        created.remove(made);
        String by =
            made.by() instanceof Instruction.Run
                ? "the RUN on line " + made.by().line() + " wrote"
                : made.by().name() + " on line " + made.by().line() + " added";
        ctx.report(
            ctx.shellSpan(run, c.offset(), c.endOffset()),
            "`"
                + ToolchainInFinalImage.shorten(c.raw())
                + "` deletes "
                + made.path()
                + ", which "
                + by
                + ": the bytes stay in that earlier layer and the image gets no smaller; delete it in"
                + " the instruction that creates it"
                + (made.by() instanceof Instruction.FileTransfer
                    ? " (or use RUN --mount=type=bind instead of copying it)"
                    : ""));
        break;
      }
    }
    for (Command c : script.commands()) {
      for (String p : createdBy(c, cwd)) {
        if (!script.isRemovedAfter(c, p) && mounted.stream().noneMatch(t -> isUnder(p, t))) {
          created.add(new Created(p, run, !isDownload(c)));
        }
      }
    }
  }

  /** Whether the same script makes the path again before the rm (then DL3009 and kin apply). */
  private static boolean recreatedBefore(ShellScript script, Command rm, String path) {
    for (Command c : script.commands()) {
      if (c.offset() >= rm.offset()) {
        return false;
      }
      if (createdBy(c, Optional.empty()).contains(path)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDownload(Command c) {
    return c.is("curl") || c.is("wget");
  }

  private static final Set<String> CREATORS = Set.of("apt-get", "apt", "apk", "curl", "wget");

  /** The paths a command leaves behind. */
  private static List<String> createdBy(Command c, Optional<String> cwd) {
    String p = BuildCommands.program(c);
    if (!CREATORS.contains(p)) {
      return List.of(); // before splitting the arguments (#3 lint speed)
    }
    List<String> pos = BuildCommands.positional(c);
    String sub = pos.isEmpty() ? "" : pos.get(0);
    List<String> out = new ArrayList<>();
    switch (p) {
      case "apt-get", "apt" -> {
        if (sub.equals("update")) {
          out.add("/var/lib/apt/lists");
        }
      }
      case "apk" -> {
        if ((sub.equals("update") || (sub.equals("add") && BuildCommands.hasFlag(c, "-U", "--update")))
            && !BuildCommands.hasFlag(c, "--no-cache")) {
          out.add("/var/cache/apk");
        }
      }
      case "curl" -> c.flagValue("-o", "--output").ifPresent(f -> out.add(f));
      case "wget" -> c.flagValue("-O", "--output-document").ifPresent(f -> out.add(f));
      default -> {}
    }
    List<String> resolved = new ArrayList<>();
    for (String f : out) {
      if (f.equals("-") || f.contains("$") || f.equals("/dev/null")) {
        continue;
      }
      if (f.startsWith("/")) {
        resolved.add(f);
      } else if (cwd.isPresent()) {
        resolved.add(resolve(cwd, f));
      }
    }
    return resolved;
  }

  /** The paths a COPY or ADD writes. */
  private static List<String> added(Instruction.FileTransfer ft, Scope scope, Optional<String> cwd) {
    Optional<Word> dest = ft.destination();
    if (dest.isEmpty()) {
      return List.of();
    }
    String d = scope.expandOrRaw(dest.get().value());
    if (!d.startsWith("/") && cwd.isEmpty()) {
      return List.of();
    }
    d = resolve(cwd, d);
    List<Word> sources = ft.sources();
    String written = dest.get().value();
    boolean intoDir =
        written.endsWith("/")
            || written.equals(".")
            || written.endsWith("/.")
            || written.equals("..")
            || sources.size() > 1;
    List<String> out = new ArrayList<>();
    for (Word s : sources) {
      String src = scope.expandOrRaw(s.value());
      if (src.contains("*") || src.contains("?") || src.contains("[") || src.contains("$")) {
        continue;
      }
      String base = stripTrailingSlashes(src);
      base = base.contains("/") ? base.substring(base.lastIndexOf('/') + 1) : base;
      int q = base.indexOf('?');
      base = q >= 0 ? base.substring(0, q) : base;
      if (!intoDir || src.endsWith("/") || base.equals(".") || base.isEmpty()) {
        out.add(d);
      } else {
        out.add(stripTrailingSlashes(d) + "/" + base);
      }
    }
    return out;
  }

  /** {@code path} without trailing slashes (as {@code replaceAll("/+$", "")}, without a regex). */
  private static String stripTrailingSlashes(String path) {
    int end = path.length();
    while (end > 0 && path.charAt(end - 1) == '/') {
      end--;
    }
    return path.substring(0, end);
  }

  private static String resolve(Optional<String> cwd, String path) {
    if (path.startsWith("/")) {
      return normalize(path);
    }
    String base = cwd.orElse("/");
    return normalize(base + "/" + path);
  }

  private static String normalize(String path) {
    List<String> parts = new ArrayList<>();
    for (String s : path.split("/")) {
      if (s.isEmpty() || s.equals(".")) {
        continue;
      }
      if (s.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
      } else {
        parts.add(s);
      }
    }
    return "/" + String.join("/", parts);
  }

  private static boolean isUnder(String path, String mountTarget) {
    String t = normalize(mountTarget);
    return path.equals(t) || path.startsWith(t.endsWith("/") ? t : t + "/");
  }
}
