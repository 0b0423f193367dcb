package dev.stowage.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.lint.Category;
import dev.stowage.lint.Finding;
import dev.stowage.lint.Severity;
import dev.stowage.lint.format.FileResult;
import dev.stowage.lint.format.FindingJson;
import dev.stowage.lint.format.RuleDocs;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code stowage check} reports: the build files found, and each Dockerfile's findings ranked
 * by {@link Impact}, files with the highest total impact first (ties by path). Immutable.
 *
 * @param root the PATH that was checked
 */
record CheckReport(Path root, ProjectFiles found, List<RankedFile> files) {
  CheckReport {
    files = List.copyOf(files);
  }

  /** One Dockerfile: its findings, highest impact first, and their total impact. */
  record RankedFile(String file, List<Finding> findings, int impact) {
    RankedFile {
      findings = List.copyOf(findings);
    }
  }

  static CheckReport of(Path root, ProjectFiles found, List<FileResult> results) {
    List<RankedFile> files = new ArrayList<>();
    for (FileResult r : results) {
      List<Finding> ranked = new ArrayList<>(r.findings());
      ranked.sort(Impact.RANKING);
      int total = ranked.stream().mapToInt(Impact::of).sum();
      files.add(new RankedFile(r.file(), ranked, total));
    }
    files.sort(
        Comparator.comparingInt(RankedFile::impact).reversed().thenComparing(RankedFile::file));
    return new CheckReport(root, found, files);
  }

  List<Finding> findings() {
    return files.stream().flatMap(f -> f.findings().stream()).toList();
  }

  private Map<Category, Integer> byCategory() {
    Map<Category, Integer> counts = new EnumMap<>(Category.class);
    for (Category c : Category.values()) {
      counts.put(c, 0);
    }
    findings().forEach(f -> counts.merge(f.category(), 1, Integer::sum));
    return counts;
  }

  private Map<Severity, Integer> bySeverity() {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      counts.put(s, 0);
    }
    findings().forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
    return counts;
  }

  private long fixable() {
    return findings().stream().filter(Finding::fixable).count();
  }

  /**
   * The JSON report: {@code files} (each {@code file}, {@code impact}, {@code findings} ranked,
   * each finding with DESIGN.md's fields plus {@code impact}), {@code summary} ({@code files},
   * {@code findings}, {@code byCategory}, {@code bySeverity} with every key, {@code fixable}),
   * {@code discovered} (paths of Dockerfiles, .dockerignore, Compose and Bake files).
   */
  ObjectNode toJson() {
    ObjectNode root = Json.NODES.objectNode();
    ArrayNode filesNode = root.putArray("files");
    for (RankedFile f : files) {
      ObjectNode file = filesNode.addObject();
      file.put("file", f.file());
      file.put("impact", f.impact());
      ArrayNode findings = file.putArray("findings");
      for (Finding finding : f.findings()) {
        findings.add(FindingJson.of(finding).put("impact", Impact.of(finding)));
      }
    }
    ObjectNode summary = root.putObject("summary");
    summary.put("files", files.size());
    summary.put("findings", findings().size());
    ObjectNode categories = summary.putObject("byCategory");
    byCategory().forEach((c, n) -> categories.put(c.label(), n));
    ObjectNode severities = summary.putObject("bySeverity");
    bySeverity().forEach((s, n) -> severities.put(s.label(), n));
    summary.put("fixable", fixable());
    ObjectNode discovered = root.putObject("discovered");
    paths(discovered.putArray("dockerfiles"), found.dockerfiles());
    paths(discovered.putArray("dockerignore"), found.dockerignores());
    paths(discovered.putArray("compose"), found.composeFiles());
    paths(discovered.putArray("bake"), found.bakeFiles());
    return root;
  }

  private static void paths(ArrayNode array, List<Path> paths) {
    paths.forEach(p -> array.add(p.toString()));
  }

  /** The report for people; ANSI colours for severities when {@code colours}. */
  void print(PrintWriter out, boolean colours) {
    out.print(
        "stowage check "
            + root
            + ": "
            + count(found.dockerfiles().size(), "Dockerfile", "Dockerfiles")
            + ", "
            + count(found.dockerignores().size(), ".dockerignore", ".dockerignore files")
            + ", "
            + count(found.composeFiles().size(), "Compose file", "Compose files")
            + ", "
            + count(found.bakeFiles().size(), "Bake file", "Bake files")
            + "\n");
    listFiles(out, "Dockerfile", found.dockerfiles());
    listFiles(out, ".dockerignore", found.dockerignores());
    listFiles(out, "Compose", found.composeFiles());
    listFiles(out, "Bake", found.bakeFiles());
    for (RankedFile f : files) {
      out.print("\n");
      if (f.findings().isEmpty()) {
        out.print(f.file() + ": no findings\n");
        continue;
      }
      out.print(
          f.file()
              + ": "
              + count(f.findings().size(), "finding", "findings")
              + ", impact "
              + f.impact()
              + "\n");
      for (Finding finding : f.findings()) {
        String severity = finding.severity().label();
        if (colours) {
          severity = colour(finding.severity()) + severity + "\u001b[0m";
        }
        out.print(
            String.format(
                "%5d  %d:%d %s %s [%s] %s%s\n",
                Impact.of(finding),
                finding.line(),
                finding.column(),
                severity,
                finding.rule(),
                finding.category().label(),
                TtyText.printable(finding.message()),
                finding.fixable() ? " (fixable)" : ""));
      }
    }
    out.print("\n");
    List<Finding> all = findings();
    out.print(
        "Summary: "
            + count(all.size(), "finding", "findings")
            + " in "
            + count(files.size(), "Dockerfile", "Dockerfiles")
            + ", "
            + fixable()
            + " fixable with stowage fix.\n");
    if (!all.isEmpty()) {
      out.print("  by category: " + nonZero(byCategory()) + "\n");
      out.print("  by severity: " + nonZero(bySeverity()) + "\n");
    }
    out.print("Impact = category weight x severity weight; rules: " + RuleDocs.DOCS_URL + "\n");
  }

  private static void listFiles(PrintWriter out, String kind, List<Path> paths) {
    for (Path p : paths) {
      out.print("  " + String.format("%-14s", kind) + p + "\n");
    }
  }

  private static <K extends Enum<K>> String nonZero(Map<K, Integer> counts) {
    List<String> parts = new ArrayList<>();
    counts.forEach(
        (k, n) -> {
          if (n > 0) {
            parts.add(k.name().toLowerCase(Locale.ROOT) + " " + n);
          }
        });
    return String.join(", ", parts);
  }

  private static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  private static String colour(Severity s) {
    return switch (s) {
      case ERROR -> "\u001b[1;31m";
      case WARNING -> "\u001b[1;33m";
      case INFO -> "\u001b[1;36m";
      case STYLE -> "\u001b[1;34m";
    };
  }
}
