package dev.stowage.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.dockerfile.Dockerfile;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Runs one rule over Dockerfiles written in tests and asserts on its findings and fixes. Every
 * check also verifies that findings have 1-based positions inside the file.
 */
public final class RuleTester {
  private final LintRule rule;
  private final RuleMeta meta;
  private final LintOptions options;

  private RuleTester(LintRule rule, LintOptions options) {
    this.rule = rule;
    this.meta = RuleMeta.of(rule);
    this.options = meta.enabledByDefault() ? options : enable(options, meta);
  }

  /** Off-by-default rules are tested as configuration turns them on: with their severity. */
  private static LintOptions enable(LintOptions options, RuleMeta meta) {
    java.util.Map<String, Severity> overrides = new java.util.HashMap<>(options.severityOverrides());
    overrides.putIfAbsent(meta.id(), meta.severity());
    return options.withSeverityOverrides(overrides);
  }

  public static RuleTester of(Class<? extends LintRule> type) {
    try {
      return new RuleTester(type.getDeclaredConstructor().newInstance(), LintOptions.defaults());
    } catch (InstantiationException | IllegalAccessException | NoSuchMethodException | InvocationTargetException e) {
      throw new IllegalArgumentException("cannot instantiate " + type, e);
    }
  }

  public RuleTester withOptions(LintOptions o) {
    return new RuleTester(rule, o);
  }

  public RuleTester withContext(Path dir) {
    return new RuleTester(rule, options.withContextDir(dir));
  }

  public RuleMeta meta() {
    return meta;
  }

  /** This rule's findings for {@code src}. */
  public List<Finding> findings(String src) {
    Dockerfile df = Dockerfile.parse(src);
    List<Finding> all = Linter.of(List.of(rule)).lint(df, options);
    List<Finding> mine = all.stream().filter(f -> f.rule().equals(meta.id())).toList();
    int lines = df.lineCount();
    for (Finding f : mine) {
      assertThat(f.line()).as("finding line in range: %s", f).isBetween(1, lines);
      assertThat(f.endLine()).as("end line in range: %s", f).isBetween(f.line(), lines);
      assertThat(f.column()).isPositive();
      assertThat(f.message()).as("rule did not crash").doesNotStartWith("internal error");
      assertThat(f.message()).isNotBlank();
    }
    return mine;
  }

  /** The rule fires at least once. */
  public List<Finding> catches(String src) {
    List<Finding> f = findings(src);
    assertThat(f).as("%s should fire on:%n%s", meta.id(), src).isNotEmpty();
    return f;
  }

  /** The rule fires exactly on these 1-based lines. */
  public void catchesAt(String src, Integer... lines) {
    List<Finding> f = findings(src);
    assertThat(new TreeSet<>(f.stream().map(Finding::line).toList()))
        .as("%s lines on:%n%s", meta.id(), src)
        .containsExactly(lines);
  }

  /** The rule stays silent. */
  public void accepts(String src) {
    assertThat(findings(src)).as("%s should not fire on:%n%s", meta.id(), src).isEmpty();
  }

  /**
   * Lines {@code # expect: ID} are removed; the line after each must have a finding of this rule,
   * and no other line may.
   */
  public void check(String annotated) {
    List<String> kept = new ArrayList<>();
    TreeSet<Integer> expected = new TreeSet<>();
    for (String line : annotated.split("\n", -1)) {
      if (line.strip().startsWith("# expect:")) {
        assertThat(line).contains(meta.id());
        expected.add(kept.size() + 1);
      } else {
        kept.add(line);
      }
    }
    String src = String.join("\n", kept);
    List<Finding> f = findings(src);
    assertThat(new TreeSet<>(f.stream().map(Finding::line).toList()))
        .as("%s lines on:%n%s", meta.id(), src)
        .isEqualTo(expected);
  }

  /** Fixing {@code before} gives {@code after}, which the rule accepts; fixing again changes nothing. */
  public void fixes(String before, String after) {
    assertThat(meta.fixable()).as("%s is marked fixable", meta.id()).isTrue();
    String once = fix(before);
    assertThat(once).isEqualTo(after);
    assertThat(findings(once)).as("silent after the fix").isEmpty();
    assertThat(fix(once)).as("fix(fix(x)) == fix(x)").isEqualTo(once);
  }

  /**
   * Fixing {@code before} pass by pass until nothing changes, as {@code stowage fix} does, ends at
   * {@code after}, which the rule accepts. For fixes that overlap in one pass (two RUNs that share
   * a cache mount).
   */
  public void fixesInPasses(String before, String after) {
    assertThat(meta.fixable()).as("%s is marked fixable", meta.id()).isTrue();
    String text = before;
    for (int pass = 0; pass < 8; pass++) {
      String next = fix(text);
      if (next.equals(text)) {
        break;
      }
      text = next;
    }
    assertThat(text).isEqualTo(after);
    assertThat(findings(text)).as("silent after the fix").isEmpty();
  }

  /** Fixing leaves {@code src} unchanged. */
  public void fixUnchanged(String src) {
    assertThat(fix(src)).isEqualTo(src);
  }

  private String fix(String src) {
    List<Fix> fixes = findings(src).stream().map(Finding::fix).flatMap(Optional::stream).toList();
    return Fixes.apply(src, fixes).text();
  }
}
