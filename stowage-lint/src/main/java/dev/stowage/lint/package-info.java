/**
 * Stowage's lint engine: the rule API ({@link dev.stowage.lint.Rule}, {@link
 * dev.stowage.lint.InstructionRule}, {@link dev.stowage.lint.DockerfileRule}), findings and fixes,
 * and the {@link dev.stowage.lint.Linter} that runs the {@link dev.stowage.lint.BuiltInRules}.
 */
@NullMarked
package dev.stowage.lint;

import org.jspecify.annotations.NullMarked;
