package dev.stowage.lint;

import dev.stowage.dockerfile.Span;

/** Replace the source text in {@code span} with {@code text}. Immutable. */
public record Edit(Span span, String text) {}
