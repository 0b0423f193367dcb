package dev.stowage.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.image.ImageAnalyzer;
import dev.stowage.image.ImageDiff;
import dev.stowage.image.ImageReport;
import java.io.PrintWriter;
import java.util.Comparator;
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

/** {@code stowage image diff A B}: what changed between two images, per layer and per path. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Compares image A (before) with image B (after): each layer position (same digest, changed,"
          + " added, removed) with its size delta, each file of the merged file systems that was"
          + " added, removed or changed (size or content), and the total size delta.",
      "A and B are image sources of any kind, as for 'stowage image': docker-archive:PATH,"
          + " oci-archive:PATH, oci:DIR, docker-daemon:REF (streamed from the engine), a registry"
          + " reference (HOST/REPO:TAG, HOST/REPO@sha256:..., docker://REF) or a bare path (sniffed)."
          + " FORMAT is tty (default) or json.",
    })
final class ImageDiffCommand implements Callable<Integer> {
  /** The output formats of {@code image diff}. */
  enum Format {
    TTY,
    JSON
  }

  @Spec CommandSpec spec;

  @Mixin FormatOption formatOption;

  @Mixin ImageSourceOptions sourceOptions;

  @Option(names = "--top", paramLabel = "N", defaultValue = "30",
      description = "Paths listed in tty output, largest changes first (default ${DEFAULT-VALUE}; json lists all).")
  int top;

  @Parameters(index = "0", paramLabel = "A", description = "The image before.")
  String before;

  @Parameters(index = "1", paramLabel = "B", description = "The image after.")
  String after;

  @Override
  public Integer call() throws UserInputException, EnvironmentException {
    Format format = formatOption.select(Format.class, Format.TTY);
    ImageSources sources = sourceOptions.sources();
    ImageSources.Reader<ImageAnalyzer.Analysis> reader = ImageSources.treeAnalysis(ImageAnalyzer.create());
    ImageDiff.Result diff = ImageDiff.compare(sources.read(before, reader), sources.read(after, reader));
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case JSON -> Json.print(json(diff), out);
      case TTY -> text(diff, top, out);
    }
    out.flush();
    return ExitCode.OK.code();
  }

  private static ObjectNode json(ImageDiff.Result d) {
    ObjectNode root = Json.NODES.objectNode();
    image(root.putObject("before"), d.before());
    image(root.putObject("after"), d.after());
    root.put("sizeDelta", d.sizeDelta());
    root.put("filesDelta", d.filesDelta());
    ObjectNode summary = root.putObject("summary");
    summary.put("added", d.count(ImageDiff.Status.ADDED));
    summary.put("removed", d.count(ImageDiff.Status.REMOVED));
    summary.put("changed", d.count(ImageDiff.Status.CHANGED));
    ArrayNode layers = root.putArray("layers");
    for (ImageDiff.LayerChange l : d.layers()) {
      ObjectNode o = layers.addObject();
      o.put("index", l.index());
      o.put("status", status(l.status()));
      layer(o, "before", l.before());
      layer(o, "after", l.after());
      o.put("sizeDelta", l.sizeDelta());
      o.put("sharedDigest", l.sharedDigest());
    }
    ArrayNode paths = root.putArray("paths");
    for (ImageDiff.PathChange p : d.paths()) {
      paths.addObject()
          .put("path", p.path())
          .put("status", status(p.status()))
          .put("sizeBefore", p.sizeBefore())
          .put("sizeAfter", p.sizeAfter())
          .put("delta", p.delta());
    }
    return root;
  }

  private static void image(ObjectNode o, ImageReport r) {
    o.put("source", r.source());
    o.put("sizeBytes", r.sizeBytes());
    o.put("layers", r.layers().size());
  }

  private static void layer(ObjectNode parent, String field, Optional<ImageReport.Layer> layer) {
    if (layer.isEmpty()) {
      parent.putNull(field);
      return;
    }
    ImageReport.Layer l = layer.get();
    parent.putObject(field).put("digest", l.digest()).put("sizeBytes", l.sizeBytes()).put("command", l.command());
  }

  private static String status(ImageDiff.Status s) {
    return s.name().toLowerCase(Locale.ROOT);
  }

  private static void text(ImageDiff.Result d, int top, PrintWriter out) {
    out.printf(Locale.ROOT, "before: %s: %d layers, %s%n", d.before().source(), d.before().layers().size(),
        Budget.human(d.before().sizeBytes()));
    out.printf(Locale.ROOT, "after:  %s: %d layers, %s%n", d.after().source(), d.after().layers().size(),
        Budget.human(d.after().sizeBytes()));
    out.printf(Locale.ROOT, "size %s; files: %d added, %d removed, %d changed (%s)%n", signed(d.sizeDelta()),
        d.count(ImageDiff.Status.ADDED), d.count(ImageDiff.Status.REMOVED), d.count(ImageDiff.Status.CHANGED),
        signed(d.filesDelta()));
    out.println("Layers:");
    for (ImageDiff.LayerChange l : d.layers()) {
      String command = l.after().or(l::before).map(ImageReport.Layer::command).orElse("");
      out.printf(Locale.ROOT, "  %3d %-8s %10s -> %-10s %10s  %s%n", l.index(), status(l.status()),
          l.before().map(x -> Budget.human(x.sizeBytes())).orElse("-"),
          l.after().map(x -> Budget.human(x.sizeBytes())).orElse("-"), signed(l.sizeDelta()), command);
    }
    List<ImageDiff.PathChange> paths = d.paths().stream()
        .sorted(Comparator.comparingLong((ImageDiff.PathChange p) -> Math.abs(p.delta())).reversed()
            .thenComparing(ImageDiff.PathChange::path))
        .limit(Math.max(0, top))
        .toList();
    if (!paths.isEmpty()) {
      out.printf(Locale.ROOT, "Paths (%d of %d, largest changes first):%n", paths.size(), d.paths().size());
      for (ImageDiff.PathChange p : paths) {
        char mark = switch (p.status()) {
          case ADDED -> '+';
          case REMOVED -> '-';
          default -> '~';
        };
        out.printf(Locale.ROOT, "  %c %10s  %s%n", mark, signed(p.delta()), p.path());
      }
    }
  }

  private static String signed(long bytes) {
    return (bytes < 0 ? "-" : "+") + Budget.human(Math.abs(bytes));
  }
}
