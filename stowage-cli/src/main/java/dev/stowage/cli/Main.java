package dev.stowage.cli;

/** Process entry point: runs {@link StowageCommand} and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(StowageCommand.forArgs(args).execute(args));
  }
}
