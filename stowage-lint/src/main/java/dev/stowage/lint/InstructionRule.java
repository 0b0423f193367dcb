package dev.stowage.lint;

import dev.stowage.dockerfile.Instruction;

/**
 * A rule that looks at one instruction of type {@code T} at a time, ONBUILD triggers included.
 * Implementations are stateless and thread-safe.
 */
public non-sealed interface InstructionRule<T extends Instruction> extends LintRule {
  /** The instruction type this rule checks. */
  Class<T> type();

  void check(T instruction, RuleContext ctx);
}
