package dev.stowage.lint.format;

import dev.stowage.dockerfile.Span;
import dev.stowage.lint.Category;
import dev.stowage.lint.DockerfileRule;
import dev.stowage.lint.Finding;
import dev.stowage.lint.Fix;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.RuleMeta;
import dev.stowage.lint.Severity;
import dev.stowage.lint.rules.correctness.LatestBaseImageTag;
import dev.stowage.lint.rules.correctness.UntaggedBaseImage;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fixed inputs for the formatter tests: hand-made findings over small sources and a fixed rule
 * catalog, so that the goldens change only when a formatter does (not when rules are added).
 */
final class FormatterCases {
  private FormatterCases() {}

  /** A size rule with a fix, standing in for any fixable catalog rule. */
  @Rule(
      id = "ST2001",
      title = "Package lists stay in the layer",
      severity = Severity.INFO,
      category = Category.SIZE,
      fixable = true)
  static final class ExampleSizeRule implements DockerfileRule {
    @Override
    public void check(RuleContext ctx) {}
  }

  /** A style rule without a fix. */
  @Rule(
      id = "ST4999",
      title = "Example style rule",
      severity = Severity.STYLE,
      category = Category.MAINTAINABILITY)
  static final class ExampleStyleRule implements DockerfileRule {
    @Override
    public void check(RuleContext ctx) {}
  }

  /** The catalog the formatters see. */
  static final List<RuleMeta> RULES =
      List.of(
          RuleMeta.of(new UntaggedBaseImage()),
          RuleMeta.of(new LatestBaseImageTag()),
          RuleMeta.of(new ExampleSizeRule()),
          RuleMeta.of(new ExampleStyleRule()));

  static final String DOCKERFILE =
      "FROM debian:latest\n"
          + "RUN apt-get update && \\\n"
          + "\tapt-get install -y curl $PKG\n"
          + "COPY . /app\n";

  static final String BROKEN = "FROM alpine:3.20\nFORM alpine\n";

  static final String ODD = "LABEL a=\"<b>&'c'\"\r\nFROM x\r\n";

  /** Case name to the files it lints. */
  static final Map<String, List<FileResult>> CASES =
      Map.of(
          "basic",
          List.of(
              new FileResult(
                  "Dockerfile",
                  DOCKERFILE,
                  List.of(
                      finding(
                          "DL3007",
                          Severity.WARNING,
                          Category.CORRECTNESS,
                          "Using latest is prone to errors if the image will ever update. Pin the"
                              + " version explicitly to a release tag",
                          "Dockerfile",
                          1,
                          6,
                          1,
                          19,
                          false),
                      finding(
                          "ST2001",
                          Severity.INFO,
                          Category.SIZE,
                          "apt-get install leaves /var/lib/apt/lists in the layer; remove it in"
                              + " the same RUN",
                          "Dockerfile",
                          2,
                          5,
                          3,
                          29,
                          true),
                      finding(
                          "SC2086",
                          Severity.WARNING,
                          Category.CORRECTNESS,
                          "Double quote to prevent globbing and word splitting.",
                          "Dockerfile",
                          3,
                          26,
                          3,
                          30,
                          false),
                      finding(
                          "ST4999",
                          Severity.STYLE,
                          Category.MAINTAINABILITY,
                          "An empty span at the start of the line.",
                          "Dockerfile",
                          4,
                          1,
                          4,
                          1,
                          false))),
              new FileResult("web/Containerfile", "FROM alpine:3.20\n", List.of()),
              new FileResult(
                  "broken.Dockerfile",
                  BROKEN,
                  List.of(
                      finding(
                          "DL1000",
                          Severity.ERROR,
                          Category.CORRECTNESS,
                          "unknown instruction: FORM (did you mean FROM?)",
                          "broken.Dockerfile",
                          2,
                          1,
                          2,
                          5,
                          false)))),
          "escaping",
          List.of(
              new FileResult(
                  "dir, with: odd/Docker file%.txt",
                  ODD,
                  List.of(
                      finding(
                          "DL3006",
                          Severity.ERROR,
                          Category.CORRECTNESS,
                          "100% of \"quotes\" <tags> & 'apostrophes', commas: colons\nand a"
                              + " second line with \u001b[31m escape",
                          "dir, with: odd/Docker file%.txt",
                          1,
                          9,
                          1,
                          19,
                          false),
                      finding(
                          "DL3006",
                          Severity.ERROR,
                          Category.CORRECTNESS,
                          "Always tag the version of an image explicitly",
                          "dir, with: odd/Docker file%.txt",
                          2,
                          6,
                          2,
                          7,
                          false)))),
          "clean",
          List.of(new FileResult("Dockerfile", "FROM alpine:3.20\n", List.of())));

  private static Finding finding(
      String rule,
      Severity severity,
      Category category,
      String message,
      String file,
      int line,
      int column,
      int endLine,
      int endColumn,
      boolean fixable) {
    return new Finding(
        rule,
        severity,
        message,
        file,
        line,
        column,
        endLine,
        endColumn,
        category,
        fixable ? Optional.of(Fix.delete(new Span(0, 1))) : Optional.empty());
  }
}
