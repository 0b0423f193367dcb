package dev.stowage.lint;

/** A rule: either per instruction or over the whole file. Implementations are stateless. */
public sealed interface LintRule permits InstructionRule, DockerfileRule {}
