package dev.stowage.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The shared {@code --format} option; each command names its own formats as an enum and picks one
 * with {@link #select}.
 */
final class FormatOption {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Output format (the command's description lists the choices).")
  String format;

  /**
   * The format given, matched case-insensitively against the constants of {@code formats}, or
   * {@code otherwise} when the option was not given.
   *
   * @throws ParameterException (exit code 2) naming the valid choices when it matches none
   */
  <F extends Enum<F>> F select(Class<F> formats, F otherwise) {
    if (format == null) {
      return otherwise;
    }
    Optional<F> match =
        Arrays.stream(formats.getEnumConstants())
            .filter(f -> f.name().equalsIgnoreCase(format))
            .findFirst();
    return match.orElseThrow(
        () ->
            new ParameterException(
                mixee.commandLine(),
                "unknown format '"
                    + format
                    + "'; expected one of: "
                    + Arrays.stream(formats.getEnumConstants())
                        .map(f -> f.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", "))));
  }
}
