package dev.stowage.lint.rules.performance;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.lint.Category;
import dev.stowage.lint.DockerfileRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An ARG whose value changes on every build (build number, date, commit id) declared before steps
 * that do not use it. BuildKit puts every ARG declared in the stage into the environment of each
 * later RUN, so a new value misses the cache at the first RUN after the declaration and every
 * step after it re-runs, although only the steps that use the value needed to.
 *
 * <p>ENV and LABEL do not count as uses: LABEL only changes image metadata, and an ENV copying the
 * ARG just spreads the same invalidation.
 */
@Rule(
    id = "ST1003",
    title = "Per-build value declared before steps that do not need it",
    severity = Severity.WARNING,
    category = Category.PERFORMANCE)
public final class CacheBustingArgTooEarly implements DockerfileRule {

  /** Names CI systems fill with a new value for every build. */
  private static final Pattern PER_BUILD =
      Pattern.compile(
          "(^|_)(BUILD_?(NUMBER|NUM|NO|ID|DATE|TIME|TIMESTAMP|TS)|BUILDTIME|BUILDDATE|TIMESTAMP"
              + "|GIT_?(COMMIT|SHA|HASH|REV|REVISION|REF)|COMMIT(_?(SHA|HASH|ID|REF))?|VCS_?REF"
              + "|REVISION|SHORT_?SHA|SHA|PIPELINE_?(ID|IID)|RUN_?(ID|NUMBER)|JOB_?ID)$");

  private static final List<String> EXEMPT =
      List.of("SOURCE_DATE_EPOCH", "CACHEBUST", "CACHE_BUST", "CACHEBUSTER", "CACHE_BUSTER");

  @Override
  public void check(RuleContext ctx) {
    for (Stage stage : ctx.model().stages()) {
      List<Instruction> ins = stage.instructions();
      for (int i = 0; i < ins.size(); i++) {
        if (ins.get(i) instanceof Instruction.Arg arg) {
          for (Instruction.KeyValue d : arg.declarations()) {
            if (isPerBuild(d.key())) {
              check(ctx, ins, i, d);
            }
          }
        }
      }
    }
  }

  static boolean isPerBuild(String name) {
    String n = name.toUpperCase(Locale.ROOT);
    return !EXEMPT.contains(n) && PER_BUILD.matcher(n).find();
  }

  private static void check(
      RuleContext ctx, List<Instruction> ins, int at, Instruction.KeyValue decl) {
    Pattern use = Pattern.compile("\\$\\{?" + Pattern.quote(decl.key()) + "(?![A-Za-z0-9_])");
    int firstRun = -1;
    int wasted = 0;
    int firstUse = -1;
    for (int j = at + 1; j < ins.size(); j++) {
      Instruction i = ins.get(j);
      if (i instanceof Instruction.Arg a
          && a.declarations().stream().anyMatch(d -> d.key().equals(decl.key()))) {
        break; // redeclared: the later declaration is the one to judge
      }
      boolean step =
          i instanceof Instruction.Run
              || i instanceof Instruction.FileTransfer
              || i instanceof Instruction.Workdir;
      if (step && use.matcher(i.syntax().original()).find()) {
        firstUse = j;
        break;
      }
      if (i instanceof Instruction.Run && firstRun < 0) {
        firstRun = j;
      }
      if (firstRun >= 0 && step) {
        wasted++;
      }
    }
    if (firstRun < 0 || wasted == 0) {
      return;
    }
    String steps = wasted + (wasted == 1 ? " step" : " steps");
    String from = "line " + ins.get(firstRun).line();
    ctx.report(
        decl.keySpan(),
        firstUse < 0
            ? "ARG " + decl.key() + " changes on every build and every later RUN sees it, so the "
                + steps + " from " + from + " on re-run each time although none uses it: declare it"
                + " where it is needed (at the end of the stage if only a LABEL uses it)"
            : "ARG " + decl.key() + " changes on every build and every later RUN sees it, so the "
                + steps + " from " + from + " up to its first use on line "
                + ins.get(firstUse).line() + " re-run each time: declare it just before line "
                + ins.get(firstUse).line());
  }
}
