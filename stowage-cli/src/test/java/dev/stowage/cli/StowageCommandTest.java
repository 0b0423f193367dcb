package dev.stowage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class StowageCommandTest {

  @Test
  void helpExitsZeroAndListsCommandsAndExitCodes() {
    Cli.Result r = Cli.run("--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Usage: stowage", "parse", "Exit codes:", "70", "--debug");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void subcommandHelpExitsZero() {
    Cli.Result r = Cli.run("parse", "--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Usage: stowage parse", "--format", "FILE");
  }

  @Test
  void versionExitsZero() {
    Cli.Result r = Cli.run("--version");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("stowage ");
  }

  @Test
  void unknownOptionIsAUsageErrorWithAHint() {
    Cli.Result r = Cli.run("parse", "--bogus", "Dockerfile");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines().toList())
        .containsExactly(
            "stowage: Unknown option: '--bogus'",
            "Try 'stowage parse --help' for more information.");
  }

  @Test
  void unknownCommandIsAUsageError() {
    Cli.Result r = Cli.run("frobnicate");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("stowage: ").contains("Try 'stowage --help'");
  }

  @Test
  void missingCommandIsAUsageError() {
    Cli.Result r = Cli.run();
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("stowage: missing command\n");
  }

  @Test
  void environmentProblemExitsThreeWithOneLine() {
    Cli.Result r =
        runTestCommand(
            () -> {
              throw new EnvironmentException("connecting to the engine: no such socket");
            });
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).isEqualTo("stowage: connecting to the engine: no such socket\n");
  }

  @Test
  void userInputProblemExitsTwoWithOneLinePerMessage() {
    Cli.Result r =
        runTestCommand(
            () -> {
              throw new UserInputException(java.util.List.of("a:1:1: first", "a:2:3: second"));
            });
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().lines().toList())
        .containsExactly("stowage: a:1:1: first", "stowage: a:2:3: second");
  }

  @Test
  void internalErrorIsOneLineWithoutDebug() {
    Cli.Result r =
        runTestCommand(
            () -> {
              throw new IllegalStateException("broken invariant\nsecond line");
            });
    assertThat(r.exitCode()).isEqualTo(ExitCode.INTERNAL.code()).isEqualTo(70);
    assertThat(r.err().lines().toList())
        .containsExactly(
            "stowage: internal error: java.lang.IllegalStateException: broken invariant",
            "Run again with --debug for the stack trace.");
  }

  @Test
  void debugPrintsTheStackTraceWhereverItIsGiven() {
    for (String[] args : new String[][] {{"--debug", "boom"}, {"boom", "--debug"}}) {
      Cli.Result r =
          runTestCommand(
              () -> {
                throw new IllegalStateException("broken invariant");
              },
              args);
      assertThat(r.exitCode()).isEqualTo(70);
      assertThat(r.err())
          .startsWith(
              "stowage: internal error: java.lang.IllegalStateException: broken invariant\n")
          .contains("\tat ")
          .doesNotContain("Run again with");
    }
  }

  @Test
  void errorsThrownByTheJvmAreInternalErrors() {
    Cli.Result r =
        runTestCommand(
            () -> {
              throw new StackOverflowError();
            });
    assertThat(r.exitCode()).isEqualTo(70);
    assertThat(r.err()).startsWith("stowage: internal error: java.lang.StackOverflowError");
  }

  @Test
  void exitCodesMatchTheContract() {
    assertThat(ExitCode.OK.code()).isZero();
    assertThat(ExitCode.FINDINGS.code()).isEqualTo(1);
    assertThat(ExitCode.USAGE.code()).isEqualTo(2);
    assertThat(ExitCode.ENVIRONMENT.code()).isEqualTo(3);
    assertThat(ExitCode.of(new UserInputException("x"))).isEqualTo(ExitCode.USAGE);
    assertThat(ExitCode.of(new EnvironmentException("x"))).isEqualTo(ExitCode.ENVIRONMENT);
    assertThat(ExitCode.of(new RuntimeException())).isEqualTo(ExitCode.INTERNAL);
  }

  /** A command that only fails, added to the real command line under the name {@code boom}. */
  @Command(name = "boom")
  static final class FailingCommand implements Callable<Integer> {
    private final Callable<Integer> body;

    FailingCommand(Callable<Integer> body) {
      this.body = body;
    }

    @Override
    public Integer call() throws Exception {
      return body.call();
    }
  }

  private static Cli.Result runTestCommand(Callable<Integer> body, String... args) {
    String[] argv = args.length == 0 ? new String[] {"boom"} : args;
    return Cli.run(
        new ByteArrayInputStream(new byte[0]),
        (CommandLine cl) -> cl.addSubcommand(new FailingCommand(body)),
        argv);
  }

  @Test
  void aProcessBuildsOnlyTheCommandItNames() {
    assertThat(StowageCommand.forArgs(new String[] {"--debug", "parse", "x"}).getSubcommands())
        .containsOnlyKeys("parse");
    assertThat(StowageCommand.forArgs(new String[] {"--help"}).getSubcommands())
        .containsKeys("check", "lint", "parse", "build", "image", "help");
    assertThat(StowageCommand.forArgs(new String[] {"help", "lint"}).getSubcommands())
        .containsKeys("lint", "help");
    assertThat(StowageCommand.forArgs(new String[] {"nope"}).getSubcommands())
        .hasSize(StowageCommand.SUBCOMMANDS.size());
  }
}
