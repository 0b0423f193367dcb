package dev.stowage.fix;

import java.util.List;

/**
 * What fixing one Dockerfile gave. Immutable.
 *
 * @param file the file name used in messages and diff headers
 * @param original the text as read
 * @param fixed the text after every applied repair; equal to {@code original} when nothing applied
 * @param changes the applied repairs by the line of the original file they point at (the repairs
 *     of one line in the order applied)
 * @param passes lint-and-repair passes run (the last one found nothing more to do, unless the
 *     bound was reached)
 */
public record FixResult(
    String file, String original, String fixed, List<Change> changes, int passes) {
  public FixResult {
    changes = List.copyOf(changes);
  }

  /** Whether any repair changed the text. */
  public boolean changed() {
    return !original.equals(fixed);
  }

  /** A unified diff from the original to the fixed text with {@code a/} and {@code b/} headers. */
  public String diff() {
    return Diffs.unified(file, original, fixed);
  }
}
