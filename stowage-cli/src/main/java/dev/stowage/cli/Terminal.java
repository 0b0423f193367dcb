package dev.stowage.cli;

import dev.stowage.client.Client;
import java.util.Map;

/**
 * What the process's standard output is connected to, as far as output styling cares: whether it is
 * an interactive terminal that should get colours. Decided once per process; immutable.
 *
 * @param colours whether {@code --color=auto} means colours
 */
record Terminal(boolean colours) {
  /** A terminal for tests and pipes: no colours. */
  static final Terminal PLAIN = new Terminal(false);

  /**
   * Colours when standard input and output are a terminal ({@link System#console()}), unless {@code
   * NO_COLOR} is set (no-color.org) or {@code TERM=dumb}.
   */
  static Terminal detect() {
    return of(Client.isInteractive(System.console()), System.getenv());
  }

  /**
   * The terminal of a run on behalf of another process, given what that process found: whether it
   * has an interactive console, and its environment.
   */
  static Terminal of(boolean interactive, Map<String, String> env) {
    return new Terminal(interactive && allowsColour(env));
  }

  static boolean allowsColour(Map<String, String> env) {
    String noColor = env.get("NO_COLOR");
    return (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
  }
}
