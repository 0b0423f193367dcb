package dev.stowage.lint.shellcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real {@code shellcheck}, run once per distinct script; fails (never skips) without it. */
class ShellCheckTest {
  private static ShellCheck shellcheck;

  @BeforeAll
  static void shellcheckIsInstalled() {
    assertThat(ShellCheck.onPath()).as("shellcheck on PATH (CI installs it)").isPresent();
    shellcheck = ShellCheck.onPath().orElseThrow();
  }

  /** A script no other test checks, so that nothing of it is cached yet; SC2086 on line 3. */
  private static String unquoted() {
    return "#!/bin/sh\n# " + UUID.randomUUID() + "\necho $1\n";
  }

  @Test
  void aScriptGivenTwiceIsCheckedOnceAndAnsweredForBoth() throws Exception {
    String bad = unquoted();
    String good = "#!/bin/sh\n# " + UUID.randomUUID() + "\necho \"$1\"\n";
    long before = ShellCheck.PROCESSES.get();

    List<ShellCheck.Comment> comments = shellcheck.check(List.of(bad, good, bad));

    assertThat(ShellCheck.PROCESSES.get() - before).isEqualTo(1);
    assertThat(comments).extracting(ShellCheck.Comment::script).containsExactly(0, 2);
    assertThat(comments).allSatisfy(c -> {
      assertThat(c.code()).isEqualTo(2086);
      assertThat(c.line()).isEqualTo(3);
    });
  }

  @Test
  void aScriptCheckedBeforeIsAnsweredWithoutAProcess() throws Exception {
    String bad = unquoted();
    List<ShellCheck.Comment> first = shellcheck.check(List.of(bad));
    long before = ShellCheck.PROCESSES.get();

    List<ShellCheck.Comment> again = shellcheck.check(List.of("#!/bin/sh\ntrue\n", bad));

    assertThat(first).extracting(ShellCheck.Comment::code).containsExactly(2086);
    // true is checked (one process); the known script keeps its comment, now on script 1.
    assertThat(ShellCheck.PROCESSES.get() - before).isEqualTo(1);
    assertThat(again).containsExactly(first.get(0).ofScript(1));
  }

  @Test
  void knownScriptsAloneStartNoProcess() throws Exception {
    String bad = unquoted();
    shellcheck.check(List.of(bad));
    long before = ShellCheck.PROCESSES.get();

    assertThat(shellcheck.check(List.of(bad, bad))).hasSize(2);
    assertThat(ShellCheck.PROCESSES.get()).isEqualTo(before);
  }

  @Test
  void theCacheKeepsWithinItsBudgetDroppingTheLeastRecentlyUsed() {
    ShellCheck.AnswerCache cache = new ShellCheck.AnswerCache(10);
    cache.put("sc", "aaaa", List.of());
    cache.put("sc", "bbbb", List.of());
    assertThat(cache.get("sc", "aaaa")).isEmpty(); // a is now the most recent
    cache.put("sc", "cccc", List.of());

    assertThat(cache.get("sc", "bbbb")).isNull();
    assertThat(cache.get("sc", "aaaa")).isNotNull();
    assertThat(cache.get("sc", "cccc")).isNotNull();
    assertThat(cache.get("other", "aaaa")).as("another binary's answers are its own").isNull();
    cache.put("sc", "x".repeat(11), List.of());
    assertThat(cache.size()).isEqualTo(2);
  }
}
