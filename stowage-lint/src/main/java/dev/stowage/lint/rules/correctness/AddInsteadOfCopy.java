package dev.stowage.lint.rules.correctness;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Span;
import dev.stowage.dockerfile.Word;
import dev.stowage.dockerfile.lexer.Expansion;
import dev.stowage.dockerfile.lexer.ExpansionException;
import dev.stowage.dockerfile.model.Scope;
import dev.stowage.lint.Category;
import dev.stowage.lint.Fix;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * ADD of local files does what COPY does plus surprises: a local tar archive is unpacked, and
 * readers must check each source to know which. COPY says exactly what happens.
 */
@Rule(
    id = "DL3020",
    title = "Use COPY instead of ADD for files and folders",
    severity = Severity.ERROR,
    category = Category.CORRECTNESS,
    fixable = true)
public final class AddInsteadOfCopy implements InstructionRule<Instruction.Add> {
  /** Suffixes of files ADD may unpack (tar, optionally compressed); BuildKit sniffs the content. */
  private static final List<String> ARCHIVES =
      List.of(
          ".tar", ".gz", ".bz2", ".xz", ".zst", ".tgz", ".tb2", ".tbz", ".tbz2", ".lz", ".lzma",
          ".tlz", ".txz", ".tzst", ".z", ".tz");

  /** Flags only ADD has; with one of them COPY cannot replace ADD. */
  private static final List<String> ADD_ONLY = List.of("checksum", "keep-git-dir", "unpack");

  @Override
  public Class<Instruction.Add> type() {
    return Instruction.Add.class;
  }

  @Override
  public void check(Instruction.Add add, RuleContext ctx) {
    if (add.sources().isEmpty()
        || add.flags().stream().anyMatch(f -> ADD_ONLY.contains(f.name()))) {
      return;
    }
    Scope scope = ctx.scope();
    boolean globs = false;
    for (Word source : add.sources()) {
      Optional<String> path = resolve(source.value(), scope);
      if (path.isEmpty() || isRemote(path.get()) || isArchive(path.get())) {
        return;
      }
      globs |= path.get().chars().anyMatch(c -> c == '*' || c == '?' || c == '[');
    }
    String keyword = add.syntax().keyword();
    Span keywordSpan = new Span(add.span().start(), add.span().start() + keyword.length());
    String message =
        "Use COPY instead of ADD to copy local "
            + String.join(" ", add.sources().stream().map(Word::value).toList())
            + ": ADD would unpack a tar archive, COPY copies exactly";
    if (globs || !ctx.dockerfile().text(keywordSpan).equals(keyword)) {
      // a glob may match an archive, which ADD would unpack: report, but leave the choice
      ctx.report(keywordSpan, message);
    } else {
      String copy = keyword.equals(keyword.toLowerCase(Locale.ROOT)) ? "copy" : "COPY";
      ctx.report(keywordSpan, message, Fix.replace(keywordSpan, copy));
    }
  }

  /** The source after ARG/ENV expansion, unquoted; empty when it uses an unset variable. */
  private static Optional<String> resolve(String raw, Scope scope) {
    if (raw.startsWith("<<")) {
      return Optional.of(raw); // a heredoc: inline content, COPY supports it too
    }
    try {
      Expansion e = scope.expandWithMatches(raw);
      return e.unmatched().isEmpty() ? Optional.of(e.result()) : Optional.empty();
    } catch (ExpansionException ex) {
      return Optional.empty();
    }
  }

  private static boolean isRemote(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    return p.contains("://") || p.startsWith("git@") || p.endsWith(".git");
  }

  private static boolean isArchive(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    return ARCHIVES.stream().anyMatch(p::endsWith);
  }
}
