package dev.stowage.lint.rules.correctness;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Span;
import dev.stowage.dockerfile.shell.PackageInstall;
import dev.stowage.dockerfile.shell.PackageSpec;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.rules.ShellWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Shared reporting of unpinned packages for the package-pinning rules. */
final class Unpinned {
  private Unpinned() {}

  /**
   * Reports one finding per install command whose packages (after ARG/ENV expansion; unknown values
   * are skipped) include unpinned ones, spanning the first to the last unpinned word.
   */
  static void report(
      Instruction.Run run,
      RuleContext ctx,
      PackageInstall install,
      Predicate<String> pinned,
      String form) {
    List<String> names = new ArrayList<>();
    Span span = null;
    for (PackageSpec spec : install.packages()) {
      Optional<List<String>> values = ShellWords.values(spec.word(), ctx.scope());
      if (values.isEmpty()) {
        continue;
      }
      boolean any = false;
      for (String v : values.get()) {
        if (!v.isEmpty() && !pinned.test(v)) {
          names.add(v);
          any = true;
        }
      }
      if (any) {
        Span s = ctx.shellSpan(run, spec.word().offset(), spec.word().endOffset());
        span = span == null ? s : span.union(s);
      }
    }
    if (span == null) {
      return;
    }
    String program = install.command().name();
    String tool =
        program.substring(program.lastIndexOf('/') + 1)
            + " "
            + String.join(" ", install.subcommand());
    String list =
        names.size() <= 4
            ? String.join(", ", names)
            : String.join(", ", names.subList(0, 4)) + ", ...";
    ctx.report(
        span,
        "Pin versions in "
            + tool
            + ": "
            + list
            + (names.size() == 1 ? " has" : " have")
            + " no version; write "
            + form);
  }
}
