package dev.stowage.lint;

import dev.stowage.dockerfile.Diagnostic;
import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.InstructionNode;
import dev.stowage.dockerfile.model.DockerfileModel;
import dev.stowage.lint.pragma.EffectiveShells;
import dev.stowage.lint.pragma.Pragmas;
import dev.stowage.lint.shellcheck.ScriptChecker;
import dev.stowage.lint.rules.context.ContextSources;
import dev.stowage.lint.shellcheck.ShellCheck;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Runs a set of rules over parsed Dockerfiles. Thread-safe; each {@link #lint} call is independent
 * but for a small cache of build-context scans shared by the calls of one linter (make a linter per
 * run).
 */
public final class Linter {
  /** The id under which syntax errors are reported (hadolint's parse-error code). */
  public static final String SYNTAX_RULE = "DL1000";

  private static final Pattern CODE = Pattern.compile("[A-Z]{2}\\d{4}");
  private static final Pattern SHELLCHECK_ID = Pattern.compile("(?i)SC\\d{4}");

  /** The build checks of BuildKit's Dockerfile frontend (docs.docker.com/reference/build-checks). */
  static final List<String> BUILDKIT_CHECKS =
      List.of(
          "ConsistentInstructionCasing", "CopyIgnoredFile", "DuplicateStageName",
          "ExposeInvalidFormat", "ExposeProtoCasing", "FromAsCasing",
          "FromPlatformFlagConstDisallowed", "InvalidBaseImagePlatform",
          "InvalidDefaultArgInFrom", "InvalidDefinitionDescription", "JSONArgsRecommended",
          "LegacyKeyValueFormat", "MaintainerDeprecated", "MultipleInstructionsDisallowed",
          "NoEmptyContinuation", "RedundantTargetPlatform", "ReservedStageName",
          "SecretsUsedInArgOrEnv", "StageNameCasing", "UndefinedArgInFrom", "UndefinedVar",
          "WorkdirRelativePath");

  private final List<RuleMeta> rules;
  private final Supplier<Optional<ShellCheck>> shellcheck;
  private final ContextSources.Cache contexts = new ContextSources.Cache();

  // What every file asks of every rule, worked out once per linter (#3 lint speed): a rule's
  // index by id, and per rule (same index as rules) its names and whether it is a BuildKit check.
  private final Map<String, Integer> indexById = new HashMap<>();
  private final List<List<String>> ruleNames = new ArrayList<>();
  private final boolean[] buildKit;
  /** Every name a pragma may use, lower-cased; made when a file first mentions one. */
  private volatile @Nullable Set<String> knownNames;

  private Linter(List<RuleMeta> rules, Supplier<Optional<ShellCheck>> shellcheck) {
    this.rules = List.copyOf(rules);
    this.shellcheck = shellcheck;
    this.buildKit = new boolean[this.rules.size()];
    for (int i = 0; i < this.rules.size(); i++) {
      List<String> names = names(this.rules.get(i));
      indexById.put(this.rules.get(i).id(), i);
      ruleNames.add(names);
      buildKit[i] = isBuildKitCheck(names);
    }
  }

  public static Linter of(List<? extends LintRule> rules) {
    return new Linter(rules.stream().map(RuleMeta::of).toList(), ShellCheck::onPath);
  }

  /**
   * This linter, looking for {@code shellcheck} in the given {@code PATH} value (for tests, and
   * for runs on behalf of another process's environment).
   */
  public Linter withShellcheckPath(String pathVariable) {
    Optional<ShellCheck> sc = ShellCheck.locate(pathVariable);
    return new Linter(rules, () -> sc);
  }

  /** A linter with every built-in rule. */
  public static Linter builtIn() {
    return of(BuiltInRules.all());
  }

  public List<RuleMeta> rules() {
    return rules;
  }

  /** Every finding for {@code dockerfile}, sorted by position then rule id. */
  public List<Finding> lint(Dockerfile dockerfile, LintOptions options) {
    return lintWithReport(dockerfile, options).findings();
  }

  /**
   * Every finding for {@code dockerfile}, sorted by position then rule id, with warnings about the
   * run itself. Applies, in order: the rules not ignored by {@code options}; BuildKit's {@code #
   * check=} directive (skips, and {@code error=true} making BuildKit check findings errors);
   * severity overrides from {@code options}; ShellCheck when {@code options.shellcheck()}; and the
   * ignore pragmas (unless {@code options.disableIgnorePragma()}). Syntax errors ({@value
   * #SYNTAX_RULE}) are never silenced.
   */
  public LintResult lintWithReport(Dockerfile dockerfile, LintOptions options) {
    List<String> warnings = new ArrayList<>();
    List<Finding> out = new ArrayList<>();
    for (Diagnostic d : dockerfile.errors()) {
      out.add(
          new Finding(
              SYNTAX_RULE,
              Severity.ERROR,
              d.message(),
              d.file(),
              d.line(),
              d.column(),
              d.endLine(),
              d.endColumn(),
              Category.CORRECTNESS,
              Optional.empty()));
    }
    DockerfileModel model = DockerfileModel.of(dockerfile, options.build());
    Pragmas pragmas = Pragmas.of(dockerfile);
    warnings.addAll(pragmas.problems());
    EffectiveShells shells = EffectiveShells.of(dockerfile, model, pragmas);
    Map<InstructionNode, Optional<RuleContext.ShellText>> shellCache = RuleContext.newShellCache();
    List<Finding> found = new ArrayList<>();
    Map<Class<?>, List<Instruction[]>> byType = new HashMap<>();
    RuleContext shared = null; // one per file, handed from rule to rule
    for (int r = 0; r < rules.size(); r++) {
      RuleMeta meta = rules.get(r);
      boolean check = buildKit[r];
      if (isIgnored(meta, options) || pragmas.skipsCheckEverywhere(ruleNames.get(r), check)) {
        continue;
      }
      if (shared == null) {
        shared =
            new RuleContext(
                dockerfile, model, options, meta, shellCache, found, shells::isPosix, contexts);
      }
      RuleContext ctx = shared.forRule(meta);
      int before = found.size();
      try {
        run(meta.rule(), dockerfile, ctx, byType);
      } catch (RuntimeException e) {
        // A broken rule must not hide the other findings; report it where it happened.
        found.subList(before, found.size()).clear();
        found.add(
            new Finding(
                meta.id(),
                Severity.ERROR,
                "internal error in rule " + meta.id() + ": " + e,
                dockerfile.file(),
                1,
                1,
                1,
                1,
                meta.category(),
                Optional.empty()));
      }
      boolean errors = pragmas.checkErrors() && check;
      Optional<Severity> override = override(ruleNames.get(r), options);
      if (!errors && override.isEmpty()) {
        continue;
      }
      for (int i = before; i < found.size(); i++) {
        Finding f = found.get(i);
        if (errors) {
          f = f.withSeverity(Severity.ERROR);
        }
        if (override.isPresent()) {
          f = f.withSeverity(override.get());
        }
        found.set(i, f);
      }
    }
    if (options.shellcheck()) {
      Optional<ShellCheck> sc = shellcheck.get();
      if (sc.isEmpty()) {
        warnings.add(
            dockerfile.file() + ": shellcheck is not on PATH; ShellCheck (SC) rules were skipped");
      } else {
        ScriptChecker.Result r = ScriptChecker.check(dockerfile, model, shells, sc.get());
        warnings.addAll(r.warnings());
        for (ScriptChecker.Issue i : r.findings()) {
          if (options.ignored().contains(i.rule())) {
            continue;
          }
          // ShellCheck's levels map one to one onto Stowage's, as in hadolint.
          Severity s = options.severityOverrides().get(i.rule());
          if (s == null) {
            s = Severity.parse(i.level()).orElse(Severity.WARNING);
          }
          found.add(
              new Finding(
                  i.rule(),
                  s,
                  i.message(),
                  dockerfile.file(),
                  i.line(),
                  i.column(),
                  i.endLine(),
                  i.endColumn(),
                  Category.CORRECTNESS,
                  Optional.empty()));
        }
      }
    }
    if (pragmas.silencesAny()) {
      for (Finding f : found) {
        Integer r = indexById.get(f.rule());
        List<String> names = r == null ? List.of(f.rule()) : ruleNames.get(r);
        boolean check = r != null && buildKit[r];
        if (pragmas.skipsCheck(names, check, f.line())) {
          continue;
        }
        if (!options.disableIgnorePragma() && pragmas.ignores(names, f.line())) {
          continue;
        }
        out.add(f);
      }
    } else {
      out.addAll(found); // the usual file: no ignore pragma, no check skips
    }
    warnings.addAll(unknownNames(dockerfile, pragmas));
    out.sort(
        Comparator.comparingInt(Finding::line)
            .thenComparingInt(Finding::column)
            .thenComparing(Finding::rule));
    return new LintResult(out, warnings);
  }

  /** Warnings for names in pragmas and check settings that name no rule. */
  private List<String> unknownNames(Dockerfile dockerfile, Pragmas pragmas) {
    if (pragmas.mentions().isEmpty()) {
      return List.of();
    }
    Set<String> known = knownNames();
    List<String> out = new ArrayList<>();
    for (Pragmas.Mention m : pragmas.mentions()) {
      String n = m.name();
      if (!known.contains(n.toLowerCase(Locale.ROOT)) && !SHELLCHECK_ID.matcher(n).matches()) {
        out.add(
            dockerfile.file()
                + ":"
                + m.line()
                + ":"
                + m.column()
                + ": unknown rule '"
                + n
                + "' in "
                + m.where());
      }
    }
    return out;
  }

  /** This linter's rule names, BuildKit's check names and every built-in rule's, lower-cased. */
  private Set<String> knownNames() {
    Set<String> known = knownNames;
    if (known == null) {
      Set<String> k = new HashSet<>();
      k.add(SYNTAX_RULE.toLowerCase(Locale.ROOT));
      ruleNames.forEach(ns -> ns.forEach(n -> k.add(n.toLowerCase(Locale.ROOT))));
      // BuildKit's own check names are valid in # check= even where Stowage has no such rule.
      BUILDKIT_CHECKS.forEach(n -> k.add(n.toLowerCase(Locale.ROOT)));
      for (LintRule r : BuiltInRules.all()) {
        names(RuleMeta.of(r)).forEach(n -> k.add(n.toLowerCase(Locale.ROOT)));
      }
      known = Set.copyOf(k);
      knownNames = known;
    }
    return known;
  }

  /** A rule's id followed by its aliases. */
  private static List<String> names(RuleMeta meta) {
    List<String> n = new ArrayList<>();
    n.add(meta.id());
    n.addAll(meta.aliases());
    return List.copyOf(n);
  }

  /** A BuildKit build check is named by its check name (id or alias), not by a DL/ST/SC code. */
  private static boolean isBuildKitCheck(List<String> names) {
    return names.stream().anyMatch(n -> !CODE.matcher(n).matches());
  }

  private static Optional<Severity> override(List<String> names, LintOptions options) {
    if (options.severityOverrides().isEmpty()) {
      return Optional.empty();
    }
    for (String n : names) {
      Severity s = options.severityOverrides().get(n);
      if (s != null) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  private static boolean isIgnored(RuleMeta meta, LintOptions options) {
    if (!meta.enabledByDefault() && !isEnabled(meta, options)) {
      return true;
    }
    if (options.ignored().isEmpty()) {
      return false; // the usual case, asked for every rule of every file
    }
    if (options.ignored().contains(meta.id())) {
      return true;
    }
    for (String a : meta.aliases()) {
      if (options.ignored().contains(a)) {
        return true;
      }
    }
    return false;
  }

  /** An off-by-default rule runs once configuration gives it a severity (as hadolint's). */
  private static boolean isEnabled(RuleMeta meta, LintOptions options) {
    if (options.severityOverrides().containsKey(meta.id())) {
      return true;
    }
    return meta.aliases().stream().anyMatch(options.severityOverrides()::containsKey);
  }

  /**
   * The instructions an {@link InstructionRule} of {@code type} checks, in order, each with the
   * instruction to report at ({@code [checked, at]}; an ONBUILD trigger is reported at its ONBUILD).
   * Rules of the same type share the list: computed once per Dockerfile (#3 lint speed).
   */
  private static List<Instruction[]> targets(Dockerfile dockerfile, Class<?> type) {
    List<Instruction[]> out = new ArrayList<>();
    for (Instruction ins : dockerfile.instructions()) {
      if (type.isInstance(ins)) {
        out.add(new Instruction[] {ins, ins});
      }
      if (ins instanceof Instruction.Onbuild ob) {
        Optional<Instruction> trigger = ob.trigger();
        if (trigger.isPresent() && type.isInstance(trigger.get())) {
          out.add(new Instruction[] {trigger.get(), ins});
        }
      }
    }
    return out;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void run(
      LintRule rule,
      Dockerfile dockerfile,
      RuleContext ctx,
      Map<Class<?>, List<Instruction[]>> byType) {
    // instanceof rather than a pattern switch: this runs for every rule of every file, and the
    // switch's type-test bootstrap cost more than the tests (#3 lint speed).
    if (rule instanceof InstructionRule r) {
      Class<?> type = r.type();
      List<Instruction[]> targets = byType.get(type);
      if (targets == null) {
        targets = targets(dockerfile, type);
        byType.put(type, targets);
      }
      for (Instruction[] target : targets) {
        ctx.at(target[0], target[1]);
        r.check(target[0], ctx);
      }
    } else if (rule instanceof DockerfileRule r) {
      ctx.at(null, null);
      r.check(ctx);
    } else {
      throw new IllegalStateException("unknown rule kind: " + rule.getClass().getName());
    }
  }
}
