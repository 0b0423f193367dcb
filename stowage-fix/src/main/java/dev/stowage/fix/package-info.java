/**
 * Stowage's fixer: applies the repairs the lint rules attach to their findings as edits on the
 * lossless syntax tree, pass after pass until nothing is left to fix, and prints the result
 * byte for byte elsewhere. The entry point is {@link dev.stowage.fix.Fixer}; {@link
 * dev.stowage.fix.DockerIgnoreCompletion} writes or completes a {@code .dockerignore}.
 */
@NullMarked
package dev.stowage.fix;

import org.jspecify.annotations.NullMarked;
