package dev.stowage.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.image.Attribution;
import dev.stowage.image.CiRules;
import dev.stowage.image.ImageAnalyzer;
import dev.stowage.image.ImageReport;
import dev.stowage.lint.format.GithubFormatter;
import dev.stowage.lint.format.XmlText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
    subcommands = ImageDiffCommand.class,
    description = {
      "Analyzes an image with dive's definitions: per layer size, command and file changes;"
          + " efficiency, wasted bytes, the largest files and directories; and which instruction"
          + " added the wasted bytes that which later one deleted or overwrote (with Dockerfile"
          + " lines when --dockerfile is given).",
      "SOURCE is docker-archive:PATH, oci-archive:PATH, oci:DIR, docker-daemon:REF, a registry"
          + " reference (HOST/REPO:TAG, HOST/REPO@sha256:..., docker://REF) or a bare path (sniffed).",
      "FORMAT is tty (default), json, junit or github (the last two report the CI rules and"
          + " imply --ci). With --ci, dive's rules (from .dive-ci in the working directory or"
          + " --ci-config, else dive's defaults) and the options below are checked; a failed rule"
          + " exits with 1.",
      "'stowage image diff A B' compares two images."
    })
final class ImageCommand implements Callable<Integer> {
  /** The output formats of {@code image}. */
  enum Format {
    TTY,
    JSON,
    JUNIT,
    GITHUB
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

  @Mixin ImageSourceOptions sourceOptions;


  @Option(names = "--dockerfile", paramLabel = "FILE",
      description = "The Dockerfile the image was built from: waste is reported with its line numbers.")
  Path dockerfile;

  @Parameters(index = "0", arity = "0..1", paramLabel = "SOURCE", description = "The image to analyze.")
  String source;

  @Override
  public Integer call() throws UserInputException, EnvironmentException {
    if (source == null) {
      throw new UserInputException("image: missing SOURCE (see stowage image --help)");
    }
    Format format = formatOption.select(Format.class, Format.TTY);
    boolean checked = ci || format == Format.JUNIT || format == Format.GITHUB;
    Optional<CiRules> rules = checked ? Optional.of(rules()) : Optional.empty();
    Optional<Dockerfile> df = dockerfile();
    ImageReport report = sourceOptions.sources().read(source, ImageSources.analysis(ImageAnalyzer.create()));
    List<CiRules.Result> results = rules.map(r -> r.evaluate(report)).orElse(List.of());
    List<Attribution.Step> steps = Attribution.steps(report, df);
    List<Attribution.Attributed> wastes = Attribution.attribute(report, df);
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case JSON -> Json.print(json(report, steps, wastes, rules.isPresent(), results), out);
      case TTY -> text(report, steps, wastes, rules.isPresent(), results, out);
      case JUNIT -> junit(report, results, out);
      case GITHUB -> github(report, results, out);
    }
    out.flush();
    return results.stream().allMatch(CiRules.Result::passed) ? ExitCode.OK.code() : ExitCode.FINDINGS.code();
  }

  private Optional<Dockerfile> dockerfile() throws UserInputException {
    if (dockerfile == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Dockerfile.read(dockerfile));
    } catch (IOException e) {
      throw new UserInputException(dockerfile + ": cannot read (" + e.getMessage() + ")");
    }
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

  private static ObjectNode json(
      ImageReport r,
      List<Attribution.Step> steps,
      List<Attribution.Attributed> wastes,
      boolean ci,
      List<CiRules.Result> results) {
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
      o.put("compressedBytes", l.compressedBytes());
      o.put("uncompressedBytes", l.uncompressedBytes());
      o.put("addedBytes", l.addedBytes());
      o.put("changedBytes", l.changedBytes());
      o.put("removedBytes", l.removedBytes());
      o.put("createdBy", l.createdBy());
      step(o.putObject("instruction"), steps.get(l.index()));
    }
    ArrayNode ineff = root.putArray("inefficiencies");
    for (ImageReport.Inefficiency i : r.inefficiencies()) {
      ObjectNode o = ineff.addObject();
      o.put("path", i.path());
      o.put("count", i.count());
      o.put("wastedBytes", i.wastedBytes());
    }
    ArrayNode wasteArray = root.putArray("wastes");
    for (Attribution.Attributed a : wastes) {
      ObjectNode o = wasteArray.addObject();
      o.put("bytes", a.waste().bytes());
      o.put("files", a.waste().files());
      o.put("path", a.waste().path());
      o.put("largestPath", a.waste().largestPath());
      o.put("action", a.waste().overwritten() ? "overwrites" : "deletes");
      step(o.putObject("addedBy"), a.addedBy());
      step(o.putObject("removedBy"), a.removedBy());
      o.put("message", a.message());
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

  /** A layer's step: the layer, keyword, Dockerfile lines (null when unknown), text, base flag. */
  private static void step(ObjectNode o, Attribution.Step s) {
    o.put("layer", s.layer());
    o.put("keyword", s.keyword());
    if (s.hasLine()) {
      o.put("line", s.line());
      o.put("endLine", s.endLine());
    } else {
      o.putNull("line");
      o.putNull("endLine");
    }
    o.put("text", s.text());
    o.put("baseImage", s.base());
  }

  /** JUnit XML: one test suite, one test case per CI rule, failed rules with a failure element. */
  private static void junit(ImageReport r, List<CiRules.Result> results, PrintWriter out) {
    long failures = results.stream().filter(res -> !res.passed()).count();
    String suite = XmlText.escape("stowage image " + r.source());
    out.print("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.print("<testsuites name=\"stowage image\" tests=\"" + results.size() + "\" failures=\"" + failures + "\">\n");
    out.print("  <testsuite name=\"" + suite + "\" tests=\"" + results.size() + "\" failures=\"" + failures
        + "\" errors=\"0\" skipped=\"0\">\n");
    for (CiRules.Result res : results) {
      String name = XmlText.escape(res.rule());
      if (res.passed()) {
        out.print("    <testcase name=\"" + name + "\" classname=\"" + suite + "\"/>\n");
      } else {
        out.print("    <testcase name=\"" + name + "\" classname=\"" + suite + "\">\n");
        out.print("      <failure message=\"" + XmlText.escape(res.message()) + "\" type=\"" + name + "\">"
            + XmlText.escape(res.rule() + " failed: " + res.message()) + "</failure>\n");
        out.print("    </testcase>\n");
      }
    }
    out.print("  </testsuite>\n</testsuites>\n");
  }

  /** GitHub workflow commands: a failed rule is an error annotation, a passed one a notice. */
  private static void github(ImageReport r, List<CiRules.Result> results, PrintWriter out) {
    for (CiRules.Result res : results) {
      out.print("::" + (res.passed() ? "notice" : "error") + " title="
          + GithubFormatter.property("stowage image " + res.rule()) + "::"
          + GithubFormatter.data(r.source() + ": " + (res.passed() ? "PASS " : "FAIL ") + res.rule() + ": " + res.message())
          + "\n");
    }
  }

  private static void text(
      ImageReport r,
      List<Attribution.Step> steps,
      List<Attribution.Attributed> wastes,
      boolean ci,
      List<CiRules.Result> results,
      PrintWriter out) {
    out.printf(Locale.ROOT, "%s: %d layers, %s (user %s)%n", r.source(), r.layers().size(),
        Budget.human(r.sizeBytes()), Budget.human(r.userSizeBytes()));
    out.printf(Locale.ROOT, "efficiency %.4f %%, wasted %s (%.2f %% of user bytes)%n",
        r.efficiency() * 100, Budget.human(r.wastedBytes()), r.wastedUserPercent() * 100);
    out.println("Layers (size, compressed, files +added ~changed -removed, instruction):");
    for (ImageReport.Layer l : r.layers()) {
      Attribution.Step s = steps.get(l.index());
      String where = s.hasLine() ? "line " + s.line() + ": " : "";
      out.printf(Locale.ROOT, "  %3d %10s %10s  +%d ~%d -%d  %s%s%n", l.index(), Budget.human(l.sizeBytes()),
          Budget.human(l.compressedBytes()), l.added(), l.changed(), l.removed(), where, l.command());
    }
    if (!r.inefficiencies().isEmpty()) {
      out.println("Inefficiencies (count, total bytes, path):");
      for (ImageReport.Inefficiency i : r.inefficiencies()) {
        out.printf(Locale.ROOT, "  %3d %10s  %s%n", i.count(), Budget.human(i.wastedBytes()), i.path());
      }
    }
    if (!wastes.isEmpty()) {
      out.println("Wasted bytes by instruction:");
      for (Attribution.Attributed a : wastes) {
        out.println("  " + a.message());
      }
    }
    out.println("Largest files:");
    for (ImageReport.PathSize p : r.largestFiles()) {
      out.printf(Locale.ROOT, "  %10s  %s%n", Budget.human(p.sizeBytes()), p.path());
    }
    out.println("Largest directories:");
    for (ImageReport.PathSize p : r.largestDirectories()) {
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
