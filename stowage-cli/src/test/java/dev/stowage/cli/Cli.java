package dev.stowage.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import picocli.CommandLine;

/** Runs the {@code stowage} command line in-process and captures exit code, stdout and stderr. */
final class Cli {
  private Cli() {}

  /** What one run produced. */
  record Result(int exitCode, String out, String err) {}

  static Result run(String... args) {
    return run(new ByteArrayInputStream(new byte[0]), cl -> {}, args);
  }

  static Result runWithStdin(String stdin, String... args) {
    return run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), cl -> {}, args);
  }

  /** Runs with {@code customize} applied to the command line first (to add test commands). */
  static Result run(InputStream stdin, Consumer<CommandLine> customize, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = StowageCommand.newCommandLine(stdin);
    customize.accept(cl); // first, so that setOut and setErr reach added subcommands too
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Result(code, out.toString(), err.toString());
  }
}
