package dev.stowage.fix;

import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.lint.BuiltInRules;
import dev.stowage.lint.Edit;
import dev.stowage.lint.Finding;
import dev.stowage.lint.Fix;
import dev.stowage.lint.Fixes;
import dev.stowage.lint.LintOptions;
import dev.stowage.lint.LintRule;
import dev.stowage.lint.Linter;
import dev.stowage.lint.RuleMeta;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Repairs a Dockerfile with the fixes its lint findings carry. Each pass lints the current text,
 * applies every fix that does not overlap one applied before it in the same pass, and re-parses;
 * passes repeat until a pass finds nothing to apply (at most {@value #MAX_PASSES}), so that fixing
 * the result again changes nothing. A fix whose edits would leave a syntax error is dropped.
 * Everything outside the edits is kept byte for byte. Immutable and thread-safe.
 */
public final class Fixer {
  /** The bound on lint-and-repair passes, against rules whose repairs keep enabling others. */
  public static final int MAX_PASSES = 12;

  private final List<RuleMeta> rules;

  private Fixer(List<RuleMeta> rules) {
    this.rules = List.copyOf(rules);
  }

  /** A fixer with every built-in rule. */
  public static Fixer builtIn() {
    return of(BuiltInRules.all());
  }

  /** A fixer using the fixable ones among {@code rules}. */
  public static Fixer of(List<? extends LintRule> rules) {
    return new Fixer(rules.stream().map(RuleMeta::of).filter(RuleMeta::fixable).toList());
  }

  /** The rules this fixer can apply, in catalog order. */
  public List<RuleMeta> rules() {
    return rules;
  }

  /**
   * The names among {@code names} that are neither the id nor an alias of a rule of the catalog
   * (fixable or not), compared without case; for {@code --only} and {@code --except} checks.
   */
  public static List<String> unknownNames(Collection<String> names) {
    Set<String> known = new HashSet<>();
    for (LintRule r : BuiltInRules.all()) {
      RuleMeta m = RuleMeta.of(r);
      known.add(m.id().toLowerCase(Locale.ROOT));
      m.aliases().forEach(a -> known.add(a.toLowerCase(Locale.ROOT)));
    }
    return names.stream().filter(n -> !known.contains(n.toLowerCase(Locale.ROOT))).toList();
  }

  /**
   * Fixes {@code source}.
   *
   * @param file the name used in diagnostics and in the result
   * @throws DockerfileSyntaxException when the source has syntax errors (nothing is changed)
   */
  public FixResult fix(String file, String source, FixRequest request)
      throws DockerfileSyntaxException {
    Dockerfile original = Dockerfile.parse(file, source);
    if (original.hasErrors()) {
      throw new DockerfileSyntaxException(original.errors());
    }
    List<RuleMeta> selected = select(request);
    Map<String, RuleMeta> byId = new HashMap<>();
    selected.forEach(m -> byId.put(m.id(), m));
    Linter linter = Linter.of(selected.stream().map(RuleMeta::rule).toList());
    LintOptions options = request.options().withShellcheck(false);

    String text = source;
    Dockerfile current = original;
    List<List<Edit>> history = new ArrayList<>();
    List<Change> changes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    seen.add(text);
    int passes = 0;
    // What lint says of the original file, by rule and line: a change made in a later pass is
    // explained with the original finding's message, whose line numbers are the file's own.
    Map<String, String> originalMessages = new HashMap<>();
    while (passes < MAX_PASSES && !selected.isEmpty()) {
      passes++;
      List<Finding> all = linter.lint(current, options);
      if (passes == 1) {
        all.forEach(f -> originalMessages.putIfAbsent(f.rule() + "@" + f.line(), f.message()));
      }
      List<Finding> fixable =
          all.stream()
              .filter(f -> f.fix().isPresent() && byId.containsKey(f.rule()))
              .toList();
      if (fixable.isEmpty()) {
        break;
      }
      fixable = structuralFirst(current, fixable);
      List<Finding> first = fixable.stream().filter(f -> !LAST.contains(f.rule())).toList();
      Pass pass = applyParsing(file, text, first.isEmpty() ? fixable : first);
      if (pass.applied().isEmpty() && first.size() < fixable.size()) {
        pass = applyParsing(file, text, fixable); // the others cannot be applied: do not wait
      }
      if (pass.applied().isEmpty() || !seen.add(pass.text())) {
        break; // nothing applicable, or a repair that undoes another: stop where we are
      }
      int[] lineStarts = lineStarts(text);
      for (Finding f : pass.applied()) {
        int offset = Math.min(text.length(), lineStarts[f.line() - 1] + f.column() - 1);
        int originalLine = original.position(toOriginal(history, offset)).line();
        RuleMeta meta = byId.get(f.rule());
        String message = originalMessages.getOrDefault(f.rule() + "@" + originalLine, f.message());
        changes.add(new Change(f.rule(), originalLine, message, meta.title(), Effects.of(meta)));
      }
      history.add(pass.edits());
      text = pass.text();
      current = Dockerfile.parse(file, text);
    }
    changes.sort(Comparator.comparingInt(Change::line)); // stable: a line's changes in pass order
    return new FixResult(file, source, text, changes, passes);
  }

  /**
   * Rules whose fix reshapes an instruction (moves it, splits the stage, mounts caches over what
   * other fixes clean up): while one of them fixes an instruction, the other fixes of that
   * instruction wait for the next pass, which lints the reshaped file again. So a RUN that gets
   * cache mounts does not also get the clean-up the mounts make pointless.
   */
  private static final Set<String> STRUCTURAL = Set.of("ST1001", "ST2001", "ST2004", "ST1002");

  /**
   * Rules whose fix fits new instructions around the others (ST3001 creates the user in the
   * stage's first RUN or beside it, and switches to it after the last): applied once the other
   * fixes are done, so that they see the RUNs as the others leave them (with their cache mounts,
   * for one).
   */
  private static final Set<String> LAST = Set.of("ST3001");

  private static List<Finding> structuralFirst(Dockerfile df, List<Finding> fixable) {
    Set<Integer> reshaped = new HashSet<>();
    for (Finding f : fixable) {
      if (STRUCTURAL.contains(f.rule())) {
        reshaped.add(instructionAt(df, f.line()));
      }
    }
    return fixable.stream()
        .filter(f -> STRUCTURAL.contains(f.rule()) || !reshaped.contains(instructionAt(df, f.line())))
        .toList();
  }

  /** The first line of the instruction that spans {@code line} (the line itself outside one). */
  private static int instructionAt(Dockerfile df, int line) {
    for (var ins : df.instructions()) {
      if (ins.line() <= line && line <= ins.syntax().endLine()) {
        return ins.line();
      }
    }
    return line;
  }

  /** The rules the request asks for. */
  private List<RuleMeta> select(FixRequest request) {
    List<String> unknown = new ArrayList<>(unknownNames(request.only()));
    unknown.addAll(unknownNames(request.except()));
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown rule '" + unknown.get(0) + "'");
    }
    return rules.stream()
        .filter(m -> request.only().isEmpty() || named(m, request.only()))
        .filter(m -> !named(m, request.except()))
        .toList();
  }

  private static boolean named(RuleMeta m, Set<String> names) {
    for (String n : names) {
      if (m.id().equalsIgnoreCase(n) || m.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(n))) {
        return true;
      }
    }
    return false;
  }

  /** One pass's outcome: the new text, the findings whose fixes it applied, and all their edits. */
  private record Pass(String text, List<Finding> applied, List<Edit> edits) {}

  /**
   * Applies the findings' fixes, first all together; if the result does not parse, one at a time,
   * keeping each that leaves the file free of syntax errors.
   */
  private static Pass applyParsing(String file, String text, List<Finding> findings) {
    Pass all = apply(text, findings);
    if (!Dockerfile.parse(file, all.text()).hasErrors()) {
      return all;
    }
    List<Finding> kept = new ArrayList<>();
    for (Finding f : findings) {
      kept.add(f);
      Pass trial = apply(text, kept);
      if (Dockerfile.parse(file, trial.text()).hasErrors() || !trial.applied().contains(f)) {
        kept.remove(kept.size() - 1);
      }
    }
    return apply(text, kept);
  }

  private static Pass apply(String text, List<Finding> findings) {
    List<Fix> fixes = findings.stream().map(f -> f.fix().orElseThrow()).toList();
    Fixes.Result r = Fixes.apply(text, fixes);
    List<Finding> applied = new ArrayList<>();
    List<Edit> edits = new ArrayList<>();
    for (Finding f : findings) {
      Fix fix = f.fix().orElseThrow();
      if (r.applied().stream().anyMatch(a -> a == fix)) {
        applied.add(f);
        edits.addAll(fix.edits());
      }
    }
    edits.sort(Comparator.comparingInt((Edit e) -> e.span().start()).thenComparingInt(e -> e.span().end()));
    return new Pass(r.text(), applied, edits);
  }

  /** Maps an offset of the text after {@code history}'s passes back to the original text. */
  private static int toOriginal(List<List<Edit>> history, int offset) {
    int o = offset;
    for (int p = history.size() - 1; p >= 0; p--) {
      o = beforeEdits(history.get(p), o);
    }
    return o;
  }

  /** The offset before {@code edits} (sorted, disjoint) of offset {@code o} after them. */
  private static int beforeEdits(List<Edit> edits, int o) {
    int delta = 0;
    for (Edit e : edits) {
      int newStart = e.span().start() + delta;
      if (o < newStart) {
        break;
      }
      if (o < newStart + e.text().length()) {
        return e.span().start(); // inside inserted text: where it was inserted
      }
      delta += e.text().length() - e.span().length();
    }
    return o - delta;
  }

  /** Offsets where each line starts; lines end at {@code \n}, as the parser counts them. */
  private static int[] lineStarts(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      starts.add(i + 1);
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }
}
