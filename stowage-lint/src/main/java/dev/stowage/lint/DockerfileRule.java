package dev.stowage.lint;

/**
 * A rule over the whole Dockerfile (state lives in local variables of {@link #check}).
 * Implementations are stateless and thread-safe.
 */
public non-sealed interface DockerfileRule extends LintRule {
  void check(RuleContext ctx);
}
