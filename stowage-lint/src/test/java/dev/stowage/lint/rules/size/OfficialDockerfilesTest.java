package dev.stowage.lint.rules.size;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.lint.Finding;
import dev.stowage.lint.LintOptions;
import dev.stowage.lint.Linter;
import dev.stowage.lint.rules.performance.CacheBustingArgTooEarly;
import dev.stowage.lint.rules.performance.DependenciesInstalledAfterSourceCopy;
import dev.stowage.lint.rules.performance.IndependentBuildsInOneStage;
import dev.stowage.lint.rules.performance.MissingCacheMount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The ST1xxx and ST2xxx rules over the official-images corpus: base images that deliberately build
 * from source and keep their toolchains, where these rules must not cry wolf.
 */
class OfficialDockerfilesTest {
  private static final Path CORPUS = Path.of("/work/shared/fixtures/dockerfiles/official");

  @Test
  void officialDockerfilesGiveNoFalseAlarms() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(CORPUS)) {
      files =
          s.filter(Files::isRegularFile)
              .filter(p -> !CORPUS.relativize(p).startsWith("templates"))
              .filter(p -> p.getFileName().toString().startsWith("Dockerfile"))
              .toList();
    }
    assertThat(files).hasSize(465);
    Linter linter =
        Linter.of(
            List.of(
                new DependenciesInstalledAfterSourceCopy(),
                new MissingCacheMount(),
                new CacheBustingArgTooEarly(),
                new IndependentBuildsInOneStage(),
                new ToolchainInFinalImage(),
                new HeavyBaseImage(),
                new CleanupInLaterLayer(),
                new DevDependenciesInFinalImage(),
                new BuildCacheLeftInImage()));
    List<String> unexpected = new ArrayList<>();
    int cacheMounts = 0;
    for (Path p : files) {
      for (Finding f : linter.lint(Dockerfile.parse(Files.readString(p)), LintOptions.defaults())) {
        String where = CORPUS.relativize(p) + ":" + f.line() + " " + f.rule() + " " + f.message();
        if (f.rule().equals("ST1002")) {
          cacheMounts++; // every apt/apk/dnf install without a mount: true, and expected here
        } else if (!(f.rule().equals("ST2002") && where.contains("buildpack-deps"))) {
          unexpected.add(where);
        }
      }
    }
    assertThat(unexpected).isEmpty();
    assertThat(cacheMounts).isGreaterThan(400);
  }
}
