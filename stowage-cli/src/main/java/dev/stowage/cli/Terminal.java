package dev.stowage.cli;

import java.io.Console;
import java.lang.reflect.Method;
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
    return new Terminal(isInteractive(System.console()) && allowsColour(System.getenv()));
  }

  static boolean allowsColour(Map<String, String> env) {
    String noColor = env.get("NO_COLOR");
    return (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
  }

  private static boolean isInteractive(Console console) {
    if (console == null) {
      return false;
    }
    // Up to JDK 21 a console exists only on a terminal. From JDK 22 on, System.console() may
    // return one for redirected streams too, and Console.isTerminal() (22+) tells them apart;
    // this code is compiled for 21, hence the lookup.
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}
