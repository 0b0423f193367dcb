package dev.stowage.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.lint.Finding;
import dev.stowage.lint.LintOptions;
import dev.stowage.lint.Linter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fixer over the 465 official Dockerfiles, each once: the result parses, fixing it again
 * changes nothing, every rule it repaired reports fewer findings afterwards, and no rule reports
 * more than before.
 */
class FixCorpusTest {
  private static final Path CORPUS =
      Path.of(System.getProperty("stowage.shared", "/work/shared"), "fixtures/dockerfiles/official");

  private final Fixer fixer = Fixer.builtIn();
  private final Linter linter = Linter.builtIn();

  @Provide
  Arbitrary<Path> officialDockerfiles() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(CORPUS)) {
      files =
          s.filter(Files::isRegularFile)
              .filter(p -> !CORPUS.relativize(p).startsWith("templates"))
              .filter(p -> p.getFileName().toString().startsWith("Dockerfile"))
              .sorted()
              .toList();
    }
    assertThat(files).hasSize(465);
    return Arbitraries.of(files);
  }

  @Property(generation = GenerationMode.EXHAUSTIVE)
  void fixIsIdempotentParsesAndSilencesWhatItRepaired(@ForAll("officialDockerfiles") Path file)
      throws Exception {
    String name = CORPUS.relativize(file).toString();
    String source = Files.readString(file);
    FixResult once = fixer.fix(name, source, FixRequest.defaults());
    if (once.changes().isEmpty()) {
      assertThat(once.fixed()).as(name).isEqualTo(source);
      return;
    }
    Dockerfile fixed = Dockerfile.parse(name, once.fixed());
    assertThat(fixed.errors()).as("%s parses after the fix", name).isEmpty();
    FixResult twice = fixer.fix(name, once.fixed(), FixRequest.defaults());
    assertThat(twice.fixed()).as("fix(fix(%s)) == fix(%s)", name, name).isEqualTo(once.fixed());
    Map<String, Long> before = counts(Dockerfile.parse(name, source));
    Map<String, Long> after = counts(fixed);
    for (Change c : once.changes()) {
      assertThat(after.getOrDefault(c.rule(), 0L))
          .as("%s: %s reports less after fixing line %d", name, c.rule(), c.line())
          .isLessThan(before.getOrDefault(c.rule(), 0L));
    }
    for (Map.Entry<String, Long> e : after.entrySet()) {
      assertThat(e.getValue())
          .as("%s: the fix adds no %s finding", name, e.getKey())
          .isLessThanOrEqualTo(before.getOrDefault(e.getKey(), 0L));
    }
  }

  private Map<String, Long> counts(Dockerfile df) {
    return linter.lint(df, LintOptions.defaults()).stream()
        .collect(Collectors.groupingBy(Finding::rule, Collectors.counting()));
  }
}
