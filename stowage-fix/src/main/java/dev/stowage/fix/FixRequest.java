package dev.stowage.fix;

import dev.stowage.lint.LintOptions;
import java.util.Set;

/**
 * What to fix. Immutable.
 *
 * @param options the lint options the rules run with (configuration, pragmas, build context);
 *     ShellCheck never runs, its findings have no fixes
 * @param only when not empty, fix only the rules named here (id or alias, any case)
 * @param except never fix the rules named here (id or alias, any case)
 */
public record FixRequest(LintOptions options, Set<String> only, Set<String> except) {
  public FixRequest {
    only = Set.copyOf(only);
    except = Set.copyOf(except);
  }

  /** Every fixable rule, default lint options. */
  public static FixRequest defaults() {
    return new FixRequest(LintOptions.defaults(), Set.of(), Set.of());
  }

  public FixRequest withOptions(LintOptions o) {
    return new FixRequest(o, only, except);
  }

  public FixRequest withOnly(Set<String> names) {
    return new FixRequest(options, names, except);
  }

  public FixRequest withExcept(Set<String> names) {
    return new FixRequest(options, only, names);
  }
}
