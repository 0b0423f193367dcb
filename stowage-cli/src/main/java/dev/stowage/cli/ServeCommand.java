package dev.stowage.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Hidden: the optional warm server the {@code stowage} launcher starts in the background (see
 * docs/server.md). Serves {@code lint}, {@code check} and {@code parse} on a Unix-domain socket
 * until idle; warms its JIT up first with {@code internal-train}'s workload at low priority.
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

  @Override
  public Integer call() throws EnvironmentException {
    if (idleSeconds < 1) {
      throw new EnvironmentException("--idle must be at least 1 second");
    }
    Server server = new Server(socket, Duration.ofSeconds(idleSeconds));
    // kill (SIGTERM) removes the socket too, so that the next launcher starts a new server.
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stowage-serve-stop"));
    if (!noWarmUp) {
      Thread warmUp =
          Thread.ofPlatform()
              .daemon()
              .name("stowage-serve-warm-up")
              .priority(Thread.MIN_PRIORITY)
              .unstarted(ServeCommand::warmUp);
      warmUp.start();
    }
    server.serve();
    return ExitCode.OK.code();
  }

  private static void warmUp() {
    try {
      for (int i = 0; i < WARM_UP_PASSES; i++) {
        new TrainCommand().call();
      }
    } catch (Exception e) {
      // a failed warm-up only means a slower first run
    }
  }
}
