package dev.stowage.cli;

import dev.stowage.build.Builder;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Stops a command's builds when the process is asked to end (Ctrl-C, SIGTERM): a shutdown hook
 * cancels them on the engine and waits until the command has said so and closed this, so that the
 * process exits (with 130 after Ctrl-C, as the JVM sets) only when nothing is left running.
 */
final class StopOnSignal implements AutoCloseable {
  /** How long a client gets to cancel its build before it is killed. */
  private static final Duration GRACE = Duration.ofSeconds(10);

  private final Thread hook;
  private final CountDownLatch finished = new CountDownLatch(1);

  private StopOnSignal(Builder builder) {
    this.hook =
        new Thread(
            () -> {
              builder.cancel(GRACE);
              try {
                finished.await(5, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "stowage-stop-builds");
  }

  static StopOnSignal install(Builder builder) {
    StopOnSignal s = new StopOnSignal(builder);
    Runtime.getRuntime().addShutdownHook(s.hook);
    return s;
  }

  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // shutting down already: the hook is running and now returns
    }
  }
}
