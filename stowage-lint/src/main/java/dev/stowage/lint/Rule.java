package dev.stowage.lint;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The identity of a rule class: a stable id (hadolint's {@code DLnnnn}, BuildKit's check name, or
 * Stowage's {@code STnnnn}), a one-line title, default severity, category, and whether {@code
 * stowage fix} can repair it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Rule {
  String id();

  String title();

  Severity severity();

  Category category();

  boolean fixable() default false;

  /**
   * Whether the rule runs without being asked for. An off-by-default rule (hadolint's "ignore"
   * default, such as DL3057) runs once configuration gives it a severity.
   */
  boolean enabledByDefault() default true;

  /** Other ids that name the same rule (in pragmas and configuration). */
  String[] aliases() default {};
}
