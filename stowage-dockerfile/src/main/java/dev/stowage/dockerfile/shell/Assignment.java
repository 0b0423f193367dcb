package dev.stowage.dockerfile.shell;

/**
 * A variable assignment {@code NAME=value} (or {@code NAME+=value}) in front of a command;
 * immutable, offsets 0-based into the parsed input and covering the whole assignment.
 */
public record Assignment(String name, Word value, int offset, int endOffset) implements Node {}
