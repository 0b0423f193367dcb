package dev.stowage.lint;

import java.util.List;

/** A rule's metadata, read from its {@link Rule} annotation. Immutable. */
public record RuleMeta(
    String id,
    String title,
    Severity severity,
    Category category,
    boolean fixable,
    boolean enabledByDefault,
    List<String> aliases,
    LintRule rule) {
  public RuleMeta {
    aliases = List.copyOf(aliases);
  }

  /** Reads the annotation of a rule instance. */
  public static RuleMeta of(LintRule rule) {
    Rule a = rule.getClass().getAnnotation(Rule.class);
    if (a == null) {
      throw new IllegalArgumentException(rule.getClass().getName() + " has no @Rule annotation");
    }
    return new RuleMeta(
        a.id(), a.title(), a.severity(), a.category(), a.fixable(), a.enabledByDefault(), List.of(a.aliases()), rule);
  }

  // Metadata is one per rule instance: identity hashing keeps lookups cheap (RuleMeta holds lists).
  @Override
  public boolean equals(Object o) {
    return o instanceof RuleMeta m && m.rule == rule && m.id.equals(id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  /** The documentation page of the rule, relative to the repository root. */
  public String docPath() {
    return "docs/rules/" + id + ".md";
  }

  /** Whether {@code name} is this rule's id or one of its aliases (ids are case-sensitive). */
  public boolean isNamed(String name) {
    return id.equals(name) || aliases.contains(name);
  }
}
