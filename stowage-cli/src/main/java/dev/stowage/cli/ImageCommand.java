package dev.stowage.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.image.CiRules;
import dev.stowage.image.ImageAnalyzer;
import dev.stowage.image.ImageReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stowage image}: layers, wasted bytes and efficiency of an image, and CI budgets. */
@Command(
    name = "image",
    mixinStandardHelpOptions = true,
    description = {
      "Analyzes an image with dive's definitions: per layer size, command and file changes;"
          + " efficiency, wasted bytes, the largest files and directories.",
      "SOURCE is docker-archive:PATH, oci-archive:PATH, oci:DIR, docker-daemon:REF, a registry"
          + " reference (HOST/REPO:TAG, HOST/REPO@sha256:..., docker://REF) or a bare path (sniffed).",
      "FORMAT is tty (default) or json. With --ci, dive's rules (from .dive-ci in the working"
          + " directory or --ci-config, else dive's defaults) and the options below are checked;"
          + " a failed rule exits with 1."
    })
final class ImageCommand implements Callable<Integer> {
  /** The output formats of {@code image}. */
  enum Format {
    TTY,
    JSON
  }

  @Spec CommandSpec spec;

  @Mixin FormatOption formatOption;

  @Option(names = "--ci", description = "Check the CI rules; exit 1 when one fails.")
  boolean ci;

  @Option(names = "--ci-config", paramLabel = "FILE", description = "dive's .dive-ci file (default: ./.dive-ci if present).")
  Path ciConfig;

  @Option(names = "--lowest-efficiency", paramLabel = "R", description = "Fail below this efficiency (0..1).")
  Double lowestEfficiency;

  @Option(names = "--highest-wasted-bytes", paramLabel = "SIZE", description = "Fail above these wasted bytes (20MB, 5MiB).")
  String highestWastedBytes;

  @Option(names = "--highest-user-wasted-percent", paramLabel = "R", description = "Fail above this ratio of wasted to user bytes.")
  Double highestUserWastedPercent;

  @Option(names = "--max-size", paramLabel = "SIZE", description = "Fail above this image size.")
  String maxSize;

  @Option(names = "--max-layers", paramLabel = "N", description = "Fail above this many layers.")
  Integer maxLayers;

  @Option(
      names = "--platform",
      paramLabel = "OS/ARCH[/VARIANT]",
      description = "Image to pick from a multi-platform index (default: the host's, else linux/amd64).")
  String platform;

  @Option(
      names = "--insecure-registry",
      paramLabel = "HOST[:PORT]",
      description = "Registry that may be reached over plain HTTP (loopback hosts always may).")
  List<String> insecureRegistries = new ArrayList<>();

  @Parameters(index = "0", paramLabel = "SOURCE", description = "The image to analyze.")
  String source;

  @Override
  public Integer call() throws UserInputException, EnvironmentException {
    Format format = formatOption.select(Format.class, Format.TTY);
    Optional<CiRules> rules = ci ? Optional.of(rules()) : Optional.empty();
    ImageReport report =
        new ImageSources(Optional.ofNullable(platform), Set.copyOf(insecureRegistries), System.getenv())
            .read(source, ImageSources.analysis(ImageAnalyzer.create()));
    List<CiRules.Result> results = rules.map(r -> r.evaluate(report)).orElse(List.of());
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case JSON -> Json.print(json(report, rules.isPresent(), results), out);
      case TTY -> text(report, rules.isPresent(), results, out);
    }
    out.flush();
    return results.stream().allMatch(CiRules.Result::passed) ? ExitCode.OK.code() : ExitCode.FINDINGS.code();
  }

  private CiRules rules() throws UserInputException {
    Path file = ciConfig != null ? ciConfig : Path.of(".dive-ci");
    CiRules rules = CiRules.DIVE_DEFAULTS;
    if (ciConfig != null || Files.isRegularFile(file)) {
      try {
        rules = CiRules.parseDiveCi(Files.readString(file));
      } catch (IOException e) {
        throw new UserInputException(file + ": cannot read (" + e.getMessage() + ")");
      } catch (IllegalArgumentException e) {
        throw new UserInputException(file + ":" + e.getMessage());
      }
    }
    try {
      if (lowestEfficiency != null) {
        rules = rules.with(0, lowestEfficiency);
      }
      if (highestWastedBytes != null) {
        rules = rules.with(1, CiRules.parseBytes(highestWastedBytes));
      }
      if (highestUserWastedPercent != null) {
        rules = rules.with(2, highestUserWastedPercent);
      }
      if (maxSize != null) {
        rules = rules.with(3, CiRules.parseBytes(maxSize));
      }
    } catch (NumberFormatException e) {
      throw new UserInputException("--highest-wasted-bytes/--max-size: " + e.getMessage() + " (such as 20MB or 5MiB)");
    }
    if (maxLayers != null) {
      if (maxLayers < 0) {
        throw new UserInputException("--max-layers: must not be negative");
      }
      rules = rules.with(4, maxLayers);
    }
    return rules;
  }

  private static ObjectNode json(ImageReport r, boolean ci, List<CiRules.Result> results) {
    ObjectNode root = Json.NODES.objectNode();
    root.put("source", r.source());
    ObjectNode image = root.putObject("image");
    image.put("sizeBytes", r.sizeBytes());
    image.put("userSizeBytes", r.userSizeBytes());
    image.put("layers", r.layers().size());
    image.put("efficiency", r.efficiency());
    image.put("wastedBytes", r.wastedBytes());
    image.put("wastedUserPercent", r.wastedUserPercent());
    ArrayNode layers = root.putArray("layers");
    for (ImageReport.Layer l : r.layers()) {
      ObjectNode o = layers.addObject();
      o.put("index", l.index());
      o.put("digest", l.digest());
      o.put("sizeBytes", l.sizeBytes());
      o.put("command", l.command());
      o.put("added", l.added());
      o.put("changed", l.changed());
      o.put("removed", l.removed());
    }
    ArrayNode ineff = root.putArray("inefficiencies");
    for (ImageReport.Inefficiency i : r.inefficiencies()) {
      ObjectNode o = ineff.addObject();
      o.put("path", i.path());
      o.put("count", i.count());
      o.put("wastedBytes", i.wastedBytes());
    }
    ArrayNode largest = root.putArray("largest");
    for (ImageReport.PathSize p : r.largestFiles()) {
      largest.addObject().put("path", p.path()).put("type", "file").put("sizeBytes", p.sizeBytes());
    }
    for (ImageReport.PathSize p : r.largestDirectories()) {
      largest.addObject().put("path", p.path()).put("type", "directory").put("sizeBytes", p.sizeBytes());
    }
    if (!ci) {
      root.putNull("ci");
      return root;
    }
    ObjectNode c = root.putObject("ci");
    c.put("passed", results.stream().allMatch(CiRules.Result::passed));
    ArrayNode rules = c.putArray("rules");
    for (CiRules.Result res : results) {
      rules.addObject()
          .put("rule", res.rule())
          .put("threshold", res.threshold())
          .put("status", res.passed() ? "PASS" : "FAIL")
          .put("message", res.message());
    }
    return root;
  }

  private static void text(ImageReport r, boolean ci, List<CiRules.Result> results, PrintWriter out) {
    out.printf(Locale.ROOT, "%s: %d layers, %s (user %s)%n", r.source(), r.layers().size(),
        Budget.human(r.sizeBytes()), Budget.human(r.userSizeBytes()));
    out.printf(Locale.ROOT, "efficiency %.4f %%, wasted %s (%.2f %% of user bytes)%n",
        r.efficiency() * 100, Budget.human(r.wastedBytes()), r.wastedUserPercent() * 100);
    out.println("Layers:");
    for (ImageReport.Layer l : r.layers()) {
      out.printf(Locale.ROOT, "  %3d %10s  +%d ~%d -%d  %s%n", l.index(), Budget.human(l.sizeBytes()),
          l.added(), l.changed(), l.removed(), l.command());
    }
    if (!r.inefficiencies().isEmpty()) {
      out.println("Inefficiencies (count, total bytes, path):");
      for (ImageReport.Inefficiency i : r.inefficiencies()) {
        out.printf(Locale.ROOT, "  %3d %10s  %s%n", i.count(), Budget.human(i.wastedBytes()), i.path());
      }
    }
    out.println("Largest files:");
    for (ImageReport.PathSize p : r.largestFiles()) {
      out.printf(Locale.ROOT, "  %10s  %s%n", Budget.human(p.sizeBytes()), p.path());
    }
    if (ci) {
      out.println("CI rules:");
      for (CiRules.Result res : results) {
        out.printf(Locale.ROOT, "  %s %s: %s%n", res.passed() ? "PASS" : "FAIL", res.rule(), res.message());
      }
      out.println(results.stream().allMatch(CiRules.Result::passed) ? "Result: PASS" : "Result: FAIL");
    }
  }
}
