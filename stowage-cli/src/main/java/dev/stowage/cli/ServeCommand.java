package dev.stowage.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Hidden: the optional warm server the {@code stowage} launcher starts in the background (see
 * docs/server.md). Serves {@code lint}, {@code check} and {@code parse} on a Unix-domain socket
 * until idle; warms its JIT up first with {@code internal-train}'s workload at low priority, then
 * with the command whose direct run started it.
 */
@Command(
    name = "internal-serve",
    hidden = true,
    description = "Serve lint, check and parse to stowage-client on a Unix-domain socket.")
final class ServeCommand implements Callable<Integer> {
  /** Training passes at start-up: enough for C2 to compile the lint and parse paths. */
  static final int WARM_UP_PASSES = 40;

  @Option(names = "--socket", paramLabel = "PATH", required = true, description = "The socket.")
  Path socket;

  @Option(
      names = "--idle",
      paramLabel = "SECONDS",
      description = "Stop after this many seconds without a client. Default: 600.")
  long idleSeconds = 600;

  @Option(names = "--no-warm-up", description = "Skip the start-up training passes.")
  boolean noWarmUp;

  @Parameters(
      paramLabel = "COMMAND",
      description =
          "The command whose direct run started this server (lint, check or parse with its"
              + " arguments): run again, output discarded, while the server is idle, so that the"
              + " JIT warms up on the user's own files.")
  List<String> firstCommand = new ArrayList<>();

  /**
   * How long the first command is repeated at most, and how long one repetition may take: on 2
   * cores the JIT keeps compiling for some 40,000 linted files (docs/server.md, "Warm-up").
   */
  static final Duration WARM_UP_BUDGET = Duration.ofSeconds(20);

  static final Duration WARM_UP_LONGEST_RUN = Duration.ofSeconds(5);

  @Override
  public Integer call() throws EnvironmentException {
    if (idleSeconds < 1) {
      throw new EnvironmentException("--idle must be at least 1 second");
    }
    Server server = new Server(socket, Duration.ofSeconds(idleSeconds));
    // kill (SIGTERM) removes the socket too, so that the next launcher starts a new server.
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stowage-serve-stop"));
    if (!noWarmUp) {
      List<String> first = List.copyOf(firstCommand);
      Thread warmUp =
          Thread.ofPlatform()
              .daemon()
              .name("stowage-serve-warm-up")
              .priority(Thread.MIN_PRIORITY)
              .unstarted(() -> warmUp(server, first));
      warmUp.start();
    }
    server.serve();
    return ExitCode.OK.code();
  }

  private static void warmUp(Server server, List<String> first) {
    try {
      Optional<List<String>> again = warmUpArgs(first);
      // With the user's own command to repeat, a few training passes cover the rest.
      int passes = again.isPresent() ? WARM_UP_PASSES / 4 : WARM_UP_PASSES;
      for (int i = 0; i < passes; i++) {
        new TrainCommand().call();
      }
      if (again.isPresent()) {
        repeat(server, again.get());
      }
    } catch (Exception e) {
      // a failed warm-up only means a slower first run
    }
  }

  /**
   * The arguments to repeat for the warm-up, if {@code args} may be: a served command (it only
   * reads files and prints), not reading standard input, not asking for help, not querying the
   * engine ({@code --resolve-images}); without ShellCheck, whose processes would only cost time.
   */
  static Optional<List<String>> warmUpArgs(List<String> args) {
    if (!Server.isServedCommand(args)
        || args.contains(Inputs.STDIN_ARGUMENT)
        || args.contains("--resolve-images")) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>(args);
    int named = 0;
    while (args.get(named).startsWith("-")) {
      named++;
    }
    String command = args.get(named);
    if ((command.equals("lint") || command.equals("check")) && !args.contains("--no-shellcheck")) {
      out.add(named + 1, "--no-shellcheck");
    }
    return Optional.of(List.copyOf(out));
  }

  /**
   * Runs {@code args} again and again in this process's folder and environment, output
   * discarded, while no client is being served, until {@link #WARM_UP_BUDGET} is spent or one run
   * took longer than {@link #WARM_UP_LONGEST_RUN} (a large tree warms up in a few runs anyway).
   */
  private static void repeat(Server server, List<String> args) {
    long end = System.nanoTime() + WARM_UP_BUDGET.toNanos();
    String[] argv = args.toArray(String[]::new);
    RunEnvironment run =
        new RunEnvironment(
            Path.of("").toAbsolutePath(), System.getenv(), InputStream.nullInputStream(), Terminal.PLAIN);
    while (System.nanoTime() < end) {
      if (server.activeRuns() > 0) {
        try {
          Thread.sleep(50); // a client comes first
        } catch (InterruptedException e) {
          return;
        }
        continue;
      }
      long start = System.nanoTime();
      CommandLine cl = StowageCommand.forArgs(argv, run);
      cl.setOut(new PrintWriter(Writer.nullWriter()));
      cl.setErr(new PrintWriter(Writer.nullWriter()));
      cl.execute(argv);
      if (System.nanoTime() - start > WARM_UP_LONGEST_RUN.toNanos()) {
        return;
      }
    }
  }
}
