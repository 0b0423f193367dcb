/**
 * Rules about the build context: what it sends, and what {@code .dockerignore} should leave out.
 */
@NullMarked
package dev.stowage.lint.rules.context;

import org.jspecify.annotations.NullMarked;
