/**
 * Runs the real {@code shellcheck} binary over the shell scripts of RUN instructions, as hadolint
 * does, and maps its findings back into the Dockerfile. Internal to the lint engine.
 */
@NullMarked
package dev.stowage.lint.shellcheck;

import org.jspecify.annotations.NullMarked;
