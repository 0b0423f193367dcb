package dev.stowage.lint.rules.correctness;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.Word;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code go install pkg} without {@code @version} (or with {@code @latest}) fetches whatever was
 * released last, so the same Dockerfile builds different binaries on different days. Local
 * packages ({@code .}, {@code ./cmd/x}, files) and paths without a domain are not fetched and not
 * reported.
 */
@Rule(
    id = "DL3062",
    title = "Pin versions in go install. Instead of go install <package> use go install <package>@<version>",
    severity = Severity.WARNING,
    category = Category.CORRECTNESS)
public final class UnpinnedGoPackage implements InstructionRule<Instruction.Run> {
  /** Go build flags that take a separate value. */
  private static final Set<String> VALUE_FLAGS =
      Set.of(
          "-o", "-C", "-p", "-tags", "-ldflags", "-gcflags", "-asmflags", "-gccgoflags", "-buildmode",
          "-compiler", "-installsuffix", "-mod", "-modfile", "-overlay", "-pkgdir", "-toolexec",
          "-exec", "-pgo", "-covermode", "-coverpkg");

  /** Version queries that name no fixed version. */
  private static final Set<String> MOVING = Set.of("latest", "upgrade", "patch");

  @Override
  public Class<Instruction.Run> type() {
    return Instruction.Run.class;
  }

  @Override
  public void check(Instruction.Run run, RuleContext ctx) {
    ctx.shell(run).ifPresent(script -> {
      for (Command c : script.commands()) {
        if (!c.is("go")) {
          continue;
        }
        List<Word> args = c.argsWithoutFlags(VALUE_FLAGS);
        if (args.isEmpty()) {
          continue;
        }
        String sub = args.get(0).literal().orElse("");
        List<Word> packages =
            switch (sub) {
              case "install", "get" -> args.subList(1, args.size());
              case "run" -> args.subList(1, Math.min(2, args.size())); // the rest goes to the program
              default -> List.of();
            };
        for (Word w : packages) {
          Optional<String> pkg = w.literal();
          if (pkg.isPresent() && isRemote(pkg.get()) && !isPinned(pkg.get())) {
            ctx.report(
                ctx.shellSpan(run, w.offset(), w.endOffset()),
                "Pin the version of `" + pkg.get() + "` in go " + sub + ": use "
                    + pkg.get().replaceFirst("@.*$", "") + "@<version>.");
          }
        }
      }
    });
  }

  /** A module path fetched from the network: its first element has a dot (a host name). */
  static boolean isRemote(String pkg) {
    if (pkg.startsWith(".") || pkg.startsWith("/") || pkg.endsWith(".go") || pkg.contains("$")) {
      return false;
    }
    String first = pkg.split("/", 2)[0];
    return first.contains(".");
  }

  static boolean isPinned(String pkg) {
    int at = pkg.lastIndexOf('@');
    if (at < 0) {
      return false;
    }
    String version = pkg.substring(at + 1);
    return !version.isEmpty() && !MOVING.contains(version);
  }
}
