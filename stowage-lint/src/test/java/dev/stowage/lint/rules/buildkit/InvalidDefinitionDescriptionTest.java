package dev.stowage.lint.rules.buildkit;

import dev.stowage.lint.RuleTester;
import org.junit.jupiter.api.Test;

class InvalidDefinitionDescriptionTest {
  private final RuleTester tester = RuleTester.of(InvalidDefinitionDescription.class);

  @Test
  void catchesNonDescriptiveComments() {
    tester.catchesAt(
        "# a non-descriptive comment\nFROM scratch AS base\n# another non-descriptive comment\nARG VERSION=1\n",
        2, 4);
  }

  @Test
  void acceptsSeparatedComments() {
    tester.accepts(
        "# a non-descriptive comment\n\nFROM scratch AS base\n\n# another non-descriptive comment\n\nARG VERSION=1\n");
    tester.accepts("# a comment\n#\nFROM scratch AS base\n");
  }

  @Test
  void acceptsDescriptions() {
    tester.accepts(
        "# base is a stage for compiling source\nFROM scratch AS base\n# VERSION This is the version number.\nARG VERSION=1\n");
    tester.accepts("# unrelated\nFROM scratch\n# unrelated\nRUN true\n");
    tester.accepts("# syntax=docker/dockerfile:1\n# VERSION the version\nARG VERSION=1\nFROM scratch\n");
  }

  @Test
  void marksExactLines() {
    tester.check(
        """
        # build compiles the program
        FROM alpine AS build
        # install the tools
        # expect: InvalidDefinitionDescription
        ARG TOOLS
        """);
  }
}
