package dev.stowage.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which copied file a source-only change edits. */
class BenchSourceChoiceTest {
  @Test
  void skipsAPackageManagersSettingsThatSortFirst() {
    // yarn's .yarnrc sorts before server.js; changing it re-runs the install like a manifest would.
    assertThat(Bench.sourceToChange(List.of(".yarnrc", "package.json", "server.js", "yarn.lock"))).contains("server.js");
    assertThat(Bench.sourceToChange(List.of(".npmrc", "package.json", "src/app.js"))).contains("src/app.js");
    assertThat(Bench.sourceToChange(List.of("gradle.properties", "gradlew", "settings.gradle", "src/Main.java")))
        .contains("src/Main.java");
  }

  @Test
  void skipsHiddenFilesAndFolders() {
    assertThat(Bench.sourceToChange(List.of(".env.example", ".github/workflows/ci.yml", "app/main.py")))
        .contains("app/main.py");
  }

  @Test
  void keepsCopyOrderAmongSourceFiles() {
    assertThat(Bench.sourceToChange(List.of("go.mod", "internal/handler.go", "cmd/main.go"))).contains("internal/handler.go");
  }

  @Test
  void fallsBackToAnyFileThatIsNoManifest() {
    assertThat(Bench.sourceToChange(List.of("package.json", ".npmrc"))).contains(".npmrc");
    assertThat(Bench.sourceToChange(List.of("package.json", "yarn.lock"))).isEmpty();
  }
}
