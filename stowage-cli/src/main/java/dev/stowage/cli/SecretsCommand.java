package dev.stowage.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.image.secrets.SecretFinding;
import dev.stowage.image.secrets.SecretScanner;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stowage secrets}: secrets in any layer of an image, deleted ones included. */
@Command(
    name = "secrets",
    mixinStandardHelpOptions = true,
    description = {
      "Finds private keys, cloud credentials, tokens of well-known formats and credential files"
          + " (.env, .npmrc, .pypirc, docker config.json) in every layer of an image, also those"
          + " that a later layer deletes, and prints each with its path, line and layer, the value"
          + " redacted to its first four characters and its length.",
      "SOURCE is docker-archive:PATH, oci-archive:PATH, oci:DIR, docker-daemon:REF, a registry"
          + " reference (HOST/REPO:TAG, HOST/REPO@sha256:..., docker://REF) or a bare path (sniffed).",
      "FORMAT is tty (default) or json. With --ci, any secret exits with 1."
    })
final class SecretsCommand implements Callable<Integer> {
  /** The output formats of {@code secrets}. */
  enum Format {
    TTY,
    JSON
  }

  @Spec CommandSpec spec;

  @Mixin FormatOption formatOption;

  @Option(names = "--ci", description = "Exit with 1 when a secret is found.")
  boolean ci;

  @Mixin ImageSourceOptions sourceOptions;

  @Parameters(index = "0", paramLabel = "SOURCE", description = "The image to scan.")
  String source;

  @Override
  public Integer call() throws UserInputException, EnvironmentException {
    Format format = formatOption.select(Format.class, Format.TTY);
    SecretScanner scanner = SecretScanner.create();
    SecretScanner.Report report =
        sourceOptions.sources()
            .read(source, ImageSources.reader(scanner::scan, scanner::scan, scanner::scan));
    boolean failed = ci && !report.findings().isEmpty();
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case JSON -> Json.print(json(report, failed), out);
      case TTY -> text(report, out);
    }
    out.flush();
    return failed ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
  }

  private ObjectNode json(SecretScanner.Report r, boolean failed) {
    ObjectNode root = Json.NODES.objectNode();
    root.put("source", r.source());
    root.put("layers", r.layers().size());
    ArrayNode secrets = root.putArray("secrets");
    for (SecretFinding f : r.findings()) {
      ObjectNode o = secrets.addObject();
      o.put("rule", f.rule().id());
      o.put("title", f.rule().title());
      o.put("path", f.path());
      o.put("line", f.line());
      o.putObject("layer")
          .put("index", f.layer())
          .put("digest", f.layerDigest())
          .put("command", f.layerCommand());
      o.put("redacted", f.redacted());
      o.put("length", f.length());
      o.put("inFinalImage", f.inFinalImage());
      if (f.removedByLayer().isPresent()) {
        o.put("removedByLayer", f.removedByLayer().getAsInt());
      } else {
        o.putNull("removedByLayer");
      }
    }
    if (ci) {
      root.putObject("ci").put("passed", !failed);
    } else {
      root.putNull("ci");
    }
    return root;
  }

  private static void text(SecretScanner.Report r, PrintWriter out) {
    out.printf(Locale.ROOT, "%s: %d secret%s in %d layers%n", r.source(), r.findings().size(),
        r.findings().size() == 1 ? "" : "s", r.layers().size());
    for (SecretFinding f : r.findings()) {
      out.printf(Locale.ROOT, "  %s:%d  %s  %s (%d chars)%n", f.path(), f.line(), f.rule().id(), f.redacted(), f.length());
      out.printf(Locale.ROOT, "      layer %d %s  %s%s%n", f.layer(), shortDigest(f.layerDigest()), f.layerCommand(),
          f.removedByLayer().isPresent() ? "  (removed by layer " + f.removedByLayer().getAsInt() + ", still in the image's history)" : "");
    }
  }

  private static String shortDigest(String digest) {
    int colon = digest.indexOf(':');
    return digest.length() > colon + 13 ? digest.substring(0, colon + 13) : digest;
  }
}
