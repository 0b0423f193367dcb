package dev.stowage.build;

/** Receives progress while a build runs (the CLI renders it); called on the reading thread. */
@FunctionalInterface
public interface BuildListener {
  void on(ProgressParser.Event event);

  /** A listener that ignores everything. */
  static BuildListener none() {
    return e -> {};
  }
}
