/**
 * Finding formatters: {@link dev.stowage.lint.format.FindingsFormat} names the output formats of
 * {@code stowage lint --format} and makes a {@link dev.stowage.lint.format.FindingsFormatter} that
 * turns the {@link dev.stowage.lint.format.FileResult}s of a run into text (tty, JSON, SARIF 2.1.0,
 * Checkstyle XML, JUnit XML, GitLab Code Quality, GitHub workflow commands).
 */
@NullMarked
package dev.stowage.lint.format;

import org.jspecify.annotations.NullMarked;
