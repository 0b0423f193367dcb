package dev.stowage.fix;

import dev.stowage.context.ContextScan;
import dev.stowage.context.ContextScan.NotableItem;
import dev.stowage.context.DockerIgnore;
import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.model.DockerfileModel;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.lint.rules.context.ContextSources;
import dev.stowage.lint.rules.context.ContextUse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A {@code .dockerignore} written or completed from what the build context holds: version-control
 * metadata, installed dependencies, build outputs, virtualenvs, caches and secret-looking files
 * that the build would send are added as patterns, unless a COPY or ADD names them (or a folder
 * inside or around them other than the whole context) or the user's file deliberately lets part
 * of them through with an exception. The user's lines are kept byte for byte; additions go at the
 * end. Immutable.
 *
 * @param file the {@code .dockerignore} path
 * @param before its text as read (empty when it did not exist)
 * @param existed whether it existed
 * @param after the completed text; equal to {@code before} when nothing is missing
 * @param added the items added, one pattern each
 */
public record DockerIgnoreCompletion(
    Path file, String before, boolean existed, String after, List<NotableItem> added) {

  /** The heading line above the patterns this class adds. */
  public static final String HEADING = "# added by stowage fix --dockerignore";

  private static final Set<ContextScan.Kind> KINDS =
      EnumSet.of(
          ContextScan.Kind.VCS,
          ContextScan.Kind.DEPENDENCIES,
          ContextScan.Kind.BUILD_OUTPUT,
          ContextScan.Kind.VIRTUALENV,
          ContextScan.Kind.CACHE,
          ContextScan.Kind.SECRET);

  public DockerIgnoreCompletion {
    added = List.copyOf(added);
  }

  /** Whether the file needs writing. */
  public boolean changed() {
    return !before.equals(after);
  }

  /**
   * The completion for the context {@code contextDir} of {@code dockerfile}.
   *
   * @throws IOException when the context or its {@code .dockerignore} cannot be read
   */
  public static DockerIgnoreCompletion of(Path contextDir, Dockerfile dockerfile)
      throws IOException {
    Path file = contextDir.resolve(DockerIgnore.FILE_NAME);
    boolean existed = Files.exists(file);
    String before = existed ? Files.readString(file, StandardCharsets.UTF_8) : "";
    DockerIgnore ignore = DockerIgnore.parse(before);
    ContextScan scan = ContextScan.scan(contextDir, ignore);
    List<ContextSources.Source> sources = sources(dockerfile);
    ContextUse use = ContextUse.of(dockerfile);
    List<NotableItem> added = new ArrayList<>();
    for (NotableItem item : scan.sentNotable()) {
      if (KINDS.contains(item.kind()) && !item.excluded() && !named(item, sources) && !use.mayNeed(item, contextDir)) {
        added.add(item);
      }
    }
    if (added.isEmpty()) {
      return new DockerIgnoreCompletion(file, before, existed, before, added);
    }
    String newline = before.contains("\r\n") ? "\r\n" : "\n";
    StringBuilder after = new StringBuilder(before);
    if (!before.isEmpty() && !before.endsWith("\n")) {
      after.append(newline);
    }
    if (!before.isEmpty()) {
      after.append(newline);
    }
    after.append(HEADING).append(newline);
    for (NotableItem item : added) {
      after
          .append(pattern(item.path()))
          .append(newline);
    }
    return new DockerIgnoreCompletion(file, before, existed, after.toString(), added);
  }

  /**
   * The pattern for a context path: the path itself, anchored at the context root as every
   * {@code .dockerignore} pattern is; characters special to patterns are escaped.
   */
  static String pattern(String path) {
    StringBuilder sb = new StringBuilder();
    for (char c : path.toCharArray()) {
      if (c == '*' || c == '?' || c == '[' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c);
    }
    String p = sb.toString();
    return p.startsWith("!") || p.startsWith("#") ? "/" + p : p;
  }

  /** Every COPY/ADD source taken from the context, in every stage. */
  private static List<ContextSources.Source> sources(Dockerfile dockerfile) {
    DockerfileModel model = DockerfileModel.of(dockerfile);
    List<ContextSources.Source> out = new ArrayList<>();
    for (Stage stage : model.stages()) {
      for (Instruction.FileTransfer ft : stage.instructions(Instruction.FileTransfer.class)) {
        out.addAll(ContextSources.localSources(ft, model.scopeBefore(ft)));
      }
    }
    return out;
  }

  /**
   * Whether a source names the item on purpose: the item, a path inside it, or a folder around it
   * other than the whole context.
   */
  private static boolean named(NotableItem item, List<ContextSources.Source> sources) {
    for (ContextSources.Source s : sources) {
      if (s.isWholeContext()) {
        continue;
      }
      if (s.covers(item.path()) || DockerIgnore.covers(item.path(), stripped(s.path()))) {
        return true;
      }
    }
    return false;
  }

  private static String stripped(String path) {
    String p = path;
    while (p.startsWith("./") || p.startsWith("/")) {
      p = p.substring(p.startsWith("./") ? 2 : 1);
    }
    return p;
  }
}
