package dev.stowage.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.context.ContextScan;
import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.fix.Change;
import dev.stowage.fix.Diffs;
import dev.stowage.fix.DockerIgnoreCompletion;
import dev.stowage.fix.DockerfileSyntaxException;
import dev.stowage.fix.FileRewriter;
import dev.stowage.fix.FixRequest;
import dev.stowage.fix.FixResult;
import dev.stowage.fix.Fixer;
import dev.stowage.lint.LintOptions;
import dev.stowage.lint.config.ConfigException;
import dev.stowage.lint.config.LintConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stowage fix}: applies the lint rules' safe repairs to a Dockerfile. */
@Command(
    name = "fix",
    mixinStandardHelpOptions = true,
    description = {
      "Repairs what the lint rules can repair safely, as small edits; every other byte stays as"
          + " it was. Prints the new Dockerfile (default), a unified diff (--diff), or rewrites"
          + " the file atomically (--write, keeping FILE.orig unless --no-backup).",
      "FORMAT is tty (default) or json: {\"file\", \"changes\": [{\"rule\", \"line\","
          + " \"message\", \"reason\", \"effect\"}], \"fixed\"} (plus \"diff\" with --diff).",
      "Exit code 0 when fixed or nothing to fix; 2 for a syntax error (nothing is changed), an"
          + " unknown rule name, or a file that changed while being fixed; 3 when it cannot be"
          + " written."
    })
final class FixCommand implements Callable<Integer> {
  /** The output formats of {@code fix}. */
  enum Format {
    TTY,
    JSON
  }

  @Spec CommandSpec spec;

  @Mixin FormatOption formatOption;

  @Mixin ConfigOptions configOptions;

  @Option(names = "--diff", description = "Print a unified diff instead of the new file.")
  boolean diff;

  @Option(
      names = "--write",
      description =
          "Rewrite FILE in place (atomically; refused when FILE changes meanwhile) and keep the"
              + " old content as FILE.orig.")
  boolean write;

  @Option(names = "--no-backup", description = "With --write: keep no FILE.orig.")
  boolean noBackup;

  @Option(
      names = "--only",
      paramLabel = "ID",
      split = ",",
      description = "Apply only these rules (ids or aliases, comma-separated; repeatable).")
  List<String> only = new ArrayList<>();

  @Option(
      names = "--except",
      paramLabel = "ID",
      split = ",",
      description = "Never apply these rules (ids or aliases, comma-separated; repeatable).")
  List<String> except = new ArrayList<>();

  @Option(
      names = "--explain",
      description = "Print each change with its reason and estimated effect on standard error.")
  boolean explain;

  @Option(
      names = "--dockerignore",
      description =
          "Also write or complete the .dockerignore beside FILE: VCS metadata, installed"
              + " dependencies, build outputs, virtualenvs, caches and secret-looking files the"
              + " build would send and no COPY names (with --diff: show its diff; with --write:"
              + " write it).")
  boolean dockerignore;

  @Parameters(paramLabel = "FILE", description = "The Dockerfile, or - for standard input.")
  String file;

  /** Writes files; tests replace it to inject a concurrent change. */
  FileRewriter rewriter = FileRewriter.standard();

  private final RunEnvironment run;
  private final Inputs inputs;

  FixCommand(RunEnvironment run) {
    this.run = run;
    this.inputs = new Inputs(run);
  }

  @Override
  public Integer call() throws UserInputException, EnvironmentException {
    Format format = formatOption.select(Format.class, Format.TTY);
    if (diff && write) {
      throw new ParameterException(spec.commandLine(), "--diff and --write exclude each other");
    }
    boolean stdin = file.equals(Inputs.STDIN_ARGUMENT);
    if (stdin && (write || dockerignore)) {
      throw new UserInputException(
          "-: " + (write ? "--write" : "--dockerignore") + " needs a file, not standard input");
    }
    unknown("--only", only);
    unknown("--except", except);
    Optional<Path> explicitConfig = configOptions.explicit(run);
    Inputs.Input input = inputs.read(file);
    Optional<Path> path = stdin ? Optional.empty() : Optional.of(run.resolve(Path.of(file)).toAbsolutePath());
    FixRequest request =
        FixRequest.defaults()
            .withOptions(options(path, explicitConfig))
            .withOnly(new LinkedHashSet<>(only))
            .withExcept(new LinkedHashSet<>(except));
    FixResult result;
    try {
      result = Fixer.builtIn().fix(input.name(), input.text(), request);
    } catch (DockerfileSyntaxException e) {
      throw new UserInputException(
          e.diagnostics().get(0).format() + " (syntax error; nothing was changed)");
    }
    Optional<DockerIgnoreCompletion> ignore = Optional.empty();
    if (dockerignore) {
      try {
        ignore =
            Optional.of(
                DockerIgnoreCompletion.of(
                    path.orElseThrow().getParent(), Dockerfile.parse(input.name(), result.fixed())));
      } catch (IOException e) {
        throw new EnvironmentException("reading the build context of " + file + ": " + e.getMessage(), e);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String ignoreDiff = ignore.map(FixCommand::diff).orElse("");
    if (format == Format.JSON) {
      Json.print(json(result, ignore, ignoreDiff), out);
    } else if (diff) {
      out.print(result.diff());
      out.print(ignoreDiff);
    } else if (!write) {
      out.print(result.fixed());
    }
    out.flush();
    if (explain && format != Format.JSON) {
      explain(result, ignore, err);
    }
    if (write) {
      write(path.orElseThrow(), input.text(), result, ignore, err);
    } else if (ignore.isPresent() && ignore.get().changed() && !diff && format != Format.JSON) {
      err.println(
          ignore.get().file().getFileName()
              + ": "
              + ignore.get().added().size()
              + " pattern(s) to add; see them with --diff, write them with --write");
    }
    err.flush();
    return ExitCode.OK.code();
  }

  private void unknown(String option, List<String> names) throws UserInputException {
    List<String> unknown = Fixer.unknownNames(names);
    if (!unknown.isEmpty()) {
      throw new UserInputException(option + ": unknown rule '" + unknown.get(0) + "'");
    }
  }

  /** The lint options of the file: its configuration file (or --config), its folder as context. */
  private LintOptions options(Optional<Path> path, Optional<Path> explicitConfig)
      throws UserInputException {
    Path anchor = path.orElse(run.resolve(Path.of("Dockerfile")).toAbsolutePath());
    LintConfig config;
    try {
      config = LintConfig.load(anchor, explicitConfig, configOptions.disabled);
    } catch (ConfigException e) {
      throw new UserInputException(e.getMessage());
    }
    LintOptions options = config.applyTo(LintOptions.defaults().withShellcheck(false), anchor);
    if (path.isPresent()) {
      options = options.withContextDir(path.get().getParent());
    }
    return options;
  }

  private static String diff(DockerIgnoreCompletion c) {
    String name = c.file().getFileName().toString();
    return Diffs.unified(
        c.existed() ? "a/" + name : "/dev/null", "b/" + name, c.before(), c.after());
  }

  private ObjectNode json(
      FixResult result, Optional<DockerIgnoreCompletion> ignore, String ignoreDiff) {
    ObjectNode root = Json.NODES.objectNode();
    root.put("file", result.file());
    ArrayNode changes = root.putArray("changes");
    for (Change c : result.changes()) {
      ObjectNode o = changes.addObject();
      o.put("rule", c.rule());
      o.put("line", c.line());
      o.put("message", c.message());
      o.put("reason", c.reason());
      o.put("effect", c.effect());
    }
    root.put("fixed", result.fixed());
    if (diff) {
      root.put("diff", result.diff());
    }
    if (ignore.isPresent()) {
      DockerIgnoreCompletion i = ignore.get();
      ObjectNode d = root.putObject("dockerignore");
      d.put("file", i.file().toString());
      ArrayNode added = d.putArray("added");
      for (var item : i.added()) {
        ObjectNode o = added.addObject();
        o.put("path", item.path());
        o.put("kind", item.kind().description());
        o.put("bytes", item.totalBytes());
      }
      d.put("text", i.after());
      if (diff) {
        d.put("diff", ignoreDiff);
      }
    }
    return root;
  }

  private void explain(FixResult result, Optional<DockerIgnoreCompletion> ignore, PrintWriter err) {
    if (result.changes().isEmpty()) {
      err.println(result.file() + ": nothing to fix");
    }
    for (Change c : result.changes()) {
      err.println(result.file() + ":" + c.line() + ": " + c.rule() + " " + c.message());
      err.println("    why: " + c.reason());
      err.println("    effect: " + c.effect());
    }
    if (ignore.isPresent()) {
      DockerIgnoreCompletion i = ignore.get();
      for (var item : i.added()) {
        err.println(
            i.file().getFileName()
                + ": add "
                + item.path()
                + " ("
                + item.kind().description()
                + ", "
                + ContextScan.humanBytes(item.totalBytes())
                + ")");
      }
    }
  }

  private void write(
      Path target,
      String read,
      FixResult result,
      Optional<DockerIgnoreCompletion> ignore,
      PrintWriter err)
      throws UserInputException, EnvironmentException {
    try {
      if (result.changed()) {
        Path real = target.toRealPath();
        Optional<Path> backup =
            noBackup
                ? Optional.empty()
                : Optional.of(real.resolveSibling(real.getFileName() + ".orig"));
        rewriter.replace(
            real, Optional.of(read.getBytes(StandardCharsets.UTF_8)), result.fixed(), backup);
        err.println(
            file
                + ": "
                + result.changes().size()
                + " change(s) written"
                + backup.map(b -> " (previous content in " + b.getFileName() + ")").orElse(""));
      } else {
        err.println(file + ": nothing to fix");
      }
      if (ignore.isPresent() && ignore.get().changed()) {
        DockerIgnoreCompletion i = ignore.get();
        rewriter.replace(
            i.file(),
            i.existed()
                ? Optional.of(i.before().getBytes(StandardCharsets.UTF_8))
                : Optional.empty(),
            i.after(),
            Optional.empty());
        err.println(i.file().getFileName() + ": " + i.added().size() + " pattern(s) added");
      }
    } catch (FileRewriter.FileChangedException e) {
      throw new UserInputException(e.getMessage());
    } catch (IOException e) {
      throw new EnvironmentException("writing " + file + ": " + e.getMessage(), e);
    }
  }
}
