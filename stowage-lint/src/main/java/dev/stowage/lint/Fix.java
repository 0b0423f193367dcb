package dev.stowage.lint;

import dev.stowage.dockerfile.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A repair: a set of non-overlapping edits to the source, applied together. Immutable. */
public record Fix(List<Edit> edits) {
  public Fix {
    edits = List.copyOf(edits);
    List<Edit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt((Edit e) -> e.span().start()).thenComparingInt(e -> e.span().end()));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).span().start() < sorted.get(i - 1).span().end()) {
        throw new IllegalArgumentException("overlapping edits in one fix: " + sorted);
      }
    }
  }

  public static Fix replace(Span span, String text) {
    return new Fix(List.of(new Edit(span, text)));
  }

  public static Fix insertBefore(int offset, String text) {
    return new Fix(List.of(new Edit(new Span(offset, offset), text)));
  }

  public static Fix delete(Span span) {
    return new Fix(List.of(new Edit(span, "")));
  }

  public static Fix of(Edit... edits) {
    return new Fix(List.of(edits));
  }

  /** This fix and {@code other} as one fix. */
  public Fix and(Fix other) {
    List<Edit> all = new ArrayList<>(edits);
    all.addAll(other.edits);
    return new Fix(all);
  }
}
