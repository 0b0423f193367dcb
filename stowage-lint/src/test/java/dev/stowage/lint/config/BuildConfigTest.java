package dev.stowage.lint.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildConfigTest {
  @TempDir Path tmp;

  private Path write(String rel, String text) throws IOException {
    Path f = tmp.resolve(rel);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
    return f;
  }

  @Test
  void readsBudgetsWithWhereTheyAreWritten() throws Exception {
    Path f =
        write(
            "p/.stowage.yaml",
            """
            ignored: [DL3006]
            build:
              budgets:
                maxDuration: 90s
                minCacheHit: "80%"
                maxSize: 150MB
                maxLayers: 12
                maxCost: 3
              cache: true
            """);
    BuildConfig c = BuildConfig.read(f);
    assertThat(c.budgets()).containsOnlyKeys("maxDuration", "minCacheHit", "maxSize", "maxLayers");
    assertThat(c.budgets().get("minCacheHit").value()).isEqualTo("80%");
    assertThat(c.budgets().get("maxSize").where()).isEqualTo(f + ":6:14: build.budgets.maxSize");
    assertThat(c.warnings())
        .containsExactly(
            f + ":8:5: unknown budget 'maxCost'; expected one of maxDuration, minCacheHit, maxSize, maxLayers",
            f + ":9:3: unknown key 'cache' in build");
  }

  @Test
  void isFoundUpwardsFromTheContextAndStopsAtTheGitRoot() throws Exception {
    write("repo/.stowage.yaml", "build:\n  budgets:\n    maxLayers: 3\n");
    Files.createDirectories(tmp.resolve("repo/app/src"));
    assertThat(BuildConfig.load(tmp.resolve("repo/app/src")).budgets()).containsOnlyKeys("maxLayers");
    write("outer/.stowage.yaml", "build:\n  budgets:\n    maxLayers: 3\n");
    Files.createDirectories(tmp.resolve("outer/inner/.git"));
    BuildConfig none = BuildConfig.load(tmp.resolve("outer/inner"));
    assertThat(none.source()).isEmpty();
    assertThat(none.budgets()).isEmpty();
  }

  @Test
  void aFileWithoutABuildSectionHasNoBudgets() throws Exception {
    assertThat(BuildConfig.read(write(".stowage.yaml", "ignored: [DL3006]\n")).budgets()).isEmpty();
    assertThat(BuildConfig.read(write("e/.stowage.yaml", "")).budgets()).isEmpty();
  }

  @Test
  void aBudgetThatIsNotAValueIsAnError() throws Exception {
    Path f = write(".stowage.yaml", "build:\n  budgets:\n    maxSize: [1, 2]\n");
    assertThatThrownBy(() -> BuildConfig.read(f))
        .isInstanceOf(ConfigException.class)
        .hasMessage(f + ":3:14: build.budgets.maxSize must be a value, not a list");
    Path g = write("g/.stowage.yaml", "build: fast\n");
    assertThatThrownBy(() -> BuildConfig.read(g)).hasMessage(g + ":1:8: build must be a mapping, not 'fast'");
  }
}
