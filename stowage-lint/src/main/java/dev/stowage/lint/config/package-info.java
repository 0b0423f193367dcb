/**
 * Lint configuration files: Stowage's {@code .stowage.yaml} and hadolint's {@code .hadolint.yaml},
 * found the way each tool finds them, read into {@link dev.stowage.lint.LintOptions}.
 */
@NullMarked
package dev.stowage.lint.config;

import org.jspecify.annotations.NullMarked;
