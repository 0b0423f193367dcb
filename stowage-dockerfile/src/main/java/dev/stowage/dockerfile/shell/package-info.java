/**
 * A POSIX (and common bash) shell syntax model of RUN commands with a query vocabulary for lint
 * rules; the entry point is {@link dev.stowage.dockerfile.shell.ShellScript#parse(String)}.
 */
@NullMarked
package dev.stowage.dockerfile.shell;

import org.jspecify.annotations.NullMarked;
