package dev.stowage.cli;

import dev.stowage.dockerfile.Diagnostic;
import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.model.DockerfileModel;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.dockerfile.Word;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stowage parse}: prints the syntax tree and stages of one Dockerfile. */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the instructions, parser directives, stages and parser warnings of a Dockerfile.",
      "FORMAT is json (default: the parse JSON of the design, pretty-printed) or text (one line"
          + " per instruction: LINE-ENDLINE STAGE KEYWORD flags arguments; warnings on stderr).",
      "A syntax error prints file:line:col: message on stderr and exits with 2."
    })
final class ParseCommand implements Callable<Integer> {
  /** The output formats of {@code parse}. */
  enum Format {
    JSON,
    TEXT
  }

  @Spec CommandSpec spec;

  @Mixin FormatOption formatOption;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The Dockerfile to parse, or - for standard input.")
  String file;

  private final Inputs inputs;

  ParseCommand(Inputs inputs) {
    this.inputs = inputs;
  }

  @Override
  public Integer call() throws UserInputException, EnvironmentException {
    Format format = formatOption.select(Format.class, Format.JSON);
    Inputs.Input input = inputs.read(file);
    Dockerfile dockerfile = Dockerfile.parse(input.name(), input.text());
    if (dockerfile.hasErrors()) {
      throw new UserInputException(dockerfile.errors().stream().map(Diagnostic::format).toList());
    }
    ParsedDockerfile parsed =
        new ParsedDockerfile(dockerfile, stages(dockerfile));
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case JSON -> Json.print(ParseJson.of(parsed), out);
      case TEXT -> {
        ParseText.print(parsed, out);
        PrintWriter err = spec.commandLine().getErr();
        for (Diagnostic d : dockerfile.diagnostics()) {
          if (d.severity() == Diagnostic.Severity.WARNING) {
            err.println("warning: " + d.format());
          }
        }
        err.flush();
      }
    }
    out.flush();
    return ExitCode.OK.code();
  }

  /** The stages as the semantic model sees them: bases and platforms with global ARGs expanded. */
  private static List<ParsedDockerfile.Stage> stages(Dockerfile dockerfile) {
    DockerfileModel model = DockerfileModel.of(dockerfile);
    List<Instruction> instructions = dockerfile.instructions();
    List<ParsedDockerfile.Stage> stages = new ArrayList<>();
    for (Stage st : model.stages()) {
      int first = 0;
      while (first < instructions.size() && instructions.get(first) != st.from()) {
        first++;
      }
      stages.add(
          new ParsedDockerfile.Stage(
              st.index(),
              st.from().stageName().map(Word::value),
              Optional.of(st.base().name()),
              st.platform(),
              st.line(),
              st.dependsOn(),
              first));
    }
    return stages;
  }
}
