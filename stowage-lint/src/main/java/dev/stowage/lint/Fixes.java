package dev.stowage.lint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Applies fixes to a source text: all edits of all fixes, or a fix is dropped if it overlaps. */
public final class Fixes {
  private Fixes() {}

  /** The outcome: the new text and the fixes that could not be applied (overlaps). */
  public record Result(String text, List<Fix> applied, List<Fix> skipped) {}

  /** Applies fixes in order; a fix whose edits overlap an earlier accepted fix is skipped. */
  public static Result apply(String source, List<Fix> fixes) {
    List<Edit> accepted = new ArrayList<>();
    List<Fix> applied = new ArrayList<>();
    List<Fix> skipped = new ArrayList<>();
    for (Fix f : fixes) {
      boolean clash = false;
      for (Edit e : f.edits()) {
        for (Edit a : accepted) {
          boolean overlap =
              e.span().start() < a.span().end() && a.span().start() < e.span().end()
                  || (e.span().isEmpty() && a.span().isEmpty() && e.span().start() == a.span().start());
          if (overlap) {
            clash = true;
          }
        }
      }
      if (clash) {
        skipped.add(f);
      } else {
        accepted.addAll(f.edits());
        applied.add(f);
      }
    }
    accepted.sort(Comparator.comparingInt((Edit e) -> e.span().start()).thenComparingInt(e -> e.span().end()));
    StringBuilder out = new StringBuilder(source.length() + 64);
    int at = 0;
    for (Edit e : accepted) {
      out.append(source, at, e.span().start()).append(e.text());
      at = e.span().end();
    }
    out.append(source, at, source.length());
    return new Result(out.toString(), applied, skipped);
  }
}
