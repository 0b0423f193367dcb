package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which first commands the warm server repeats to warm up, and how. */
class ServeCommandTest {
  @Test
  void lintAndCheckAreRepeatedWithoutShellCheck() {
    assertThat(ServeCommand.warmUpArgs(List.of("lint", "--format", "json", ".")))
        .contains(List.of("lint", "--no-shellcheck", "--format", "json", "."));
    assertThat(ServeCommand.warmUpArgs(List.of("--color=never", "check")))
        .contains(List.of("--color=never", "check", "--no-shellcheck"));
    assertThat(ServeCommand.warmUpArgs(List.of("lint", "--no-shellcheck", "a/Dockerfile")))
        .contains(List.of("lint", "--no-shellcheck", "a/Dockerfile"));
    assertThat(ServeCommand.warmUpArgs(List.of("parse", "Dockerfile")))
        .contains(List.of("parse", "Dockerfile"));
    // fix prints only, and has no ShellCheck to turn off
    assertThat(ServeCommand.warmUpArgs(List.of("fix", "--diff", "Dockerfile")))
        .contains(List.of("fix", "--diff", "Dockerfile"));
  }

  @Test
  void commandsThatReadStdinAskTheEngineWriteOrAreNotServedAreNot() {
    for (List<String> args :
        List.<List<String>>of(
            List.of(),
            List.of("lint", "-"),
            List.of("parse", "-"),
            List.of("check", "--resolve-images", "."),
            List.of("lint", "--help"),
            List.of("--version"),
            List.of("fix", "--write", "Dockerfile"),
            List.of("build", "."),
            List.of("image", "x.tar"))) {
      assertThat(ServeCommand.warmUpArgs(args)).as("%s", args).isEmpty();
    }
  }
}
