/**
 * Comments that steer the linter: hadolint's and Stowage's ignore pragmas ({@code # hadolint
 * ignore=}, {@code global ignore=}, {@code stage ignore=}), the {@code # hadolint shell=} pragma,
 * and BuildKit's {@code # check=} directive. Internal to the lint engine.
 */
@NullMarked
package dev.stowage.lint.pragma;

import org.jspecify.annotations.NullMarked;
