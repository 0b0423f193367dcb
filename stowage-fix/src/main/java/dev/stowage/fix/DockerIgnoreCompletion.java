package dev.stowage.fix;

import dev.stowage.context.ContextScan;
import dev.stowage.context.ContextScan.NotableItem;
import dev.stowage.context.DockerIgnore;
import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.dockerfile.Heredoc;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.model.DockerfileModel;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.lint.rules.context.ContextSources;
import dev.stowage.lint.rules.performance.BuildCommands;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

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
    Uses uses = Uses.of(dockerfile);
    List<NotableItem> added = new ArrayList<>();
    for (NotableItem item : scan.sentNotable()) {
      if (KINDS.contains(item.kind()) && !item.excluded() && !named(item, sources) && !uses.needs(item, contextDir)) {
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

  /**
   * What the Dockerfile's instructions do with the context beyond naming sources: the text they
   * mention paths in, and whether they install or build what the context may already hold. A
   * {@code COPY . .} takes everything, so an item is kept when an instruction may read it:
   *
   * <ul>
   *   <li>installed dependencies and virtualenvs, unless the Dockerfile installs its own
   *       ({@code node_modules} with {@code npm ci}/{@code yarn}/{@code pnpm install}, {@code
   *       bower_components} with {@code bower install}, a virtualenv with pip, poetry, uv, pipenv
   *       or pdm): without an install, the image runs on what the context brings;
   *   <li>build output ({@code dist}, {@code target}, Next.js's {@code .next}), unless the
   *       Dockerfile runs the build of the manifest beside it, which makes it again: a prebuilt
   *       {@code dist} may be what {@code CMD ["npm", "start"]} runs without naming it;
   *   <li>version-control metadata when a step runs {@code git} or mentions it;
   *   <li>caches and secret-looking files that an instruction mentions ({@code . ./.env}).
   * </ul>
   */
  private record Uses(String text, Set<String> installs, Set<String> builds, boolean runsGit) {
    private static final Pattern FROM_FLAG = Pattern.compile("--from=\\S+");

    static Uses of(Dockerfile dockerfile) {
      StringBuilder text = new StringBuilder();
      Set<String> installs = new HashSet<>();
      Set<String> builds = new HashSet<>();
      boolean git = false;
      for (Instruction ins : dockerfile.instructions()) {
        if (ins instanceof Instruction.From) {
          continue; // stage names are no paths
        }
        text.append(FROM_FLAG.matcher(ins.syntax().original()).replaceAll("")).append('\n');
        for (Heredoc h : ins.syntax().heredocs()) {
          text.append(h.content()).append('\n');
        }
        if (!(ins instanceof Instruction.Run run)) {
          continue;
        }
        List<String> scripts = new ArrayList<>();
        run.shellCommand().ifPresent(scripts::add);
        if (run.isExecForm()) {
          scripts.add(String.join(" ", run.execArgs()));
        }
        run.syntax().heredocs().forEach(h -> scripts.add(h.effectiveContent()));
        for (String script : scripts) {
          for (Command c : ShellScript.parse(script).commands()) {
            String p = BuildCommands.program(c);
            git |= p.equals("git");
            if (BuildCommands.nodeProjectInstall(c)) {
              installs.add("node_modules");
            }
            if (BuildCommands.is(c, "bower", "install")) {
              installs.add("bower_components");
            }
            if (installsPython(c)) {
              installs.add("virtualenv");
            }
            if (BuildCommands.mavenBuilds(c)) {
              builds.add("pom.xml");
            }
            if (BuildCommands.gradleBuilds(c)) {
              builds.addAll(List.of("build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts"));
            }
            if (BuildCommands.cargoBuilds(c)) {
              builds.add("Cargo.toml");
            }
            if (BuildCommands.nodeBuilds(c)) {
              builds.add("package.json");
            }
          }
        }
      }
      return new Uses(text.toString(), Set.copyOf(installs), Set.copyOf(builds), git);
    }

    private static boolean installsPython(Command c) {
      String p = BuildCommands.program(c);
      return BuildCommands.is(c, "pip", "install")
          || BuildCommands.is(c, "pip3", "install")
          || (p.startsWith("python") && c.argTexts().containsAll(List.of("-m", "pip", "install")))
          || BuildCommands.is(c, "poetry", "install")
          || BuildCommands.is(c, "uv", "sync")
          || BuildCommands.is(c, "uv", "pip", "install")
          || BuildCommands.is(c, "pipenv", "install")
          || BuildCommands.is(c, "pipenv", "sync")
          || BuildCommands.is(c, "pdm", "install");
    }

    /** Whether an instruction may read {@code item} from the context. */
    boolean needs(NotableItem item, Path contextDir) {
      String name = item.path().substring(item.path().lastIndexOf('/') + 1);
      return switch (item.kind()) {
        case DEPENDENCIES -> !installs.contains(name);
        case VIRTUALENV -> !installs.contains("virtualenv");
        // Prebuilt output may be run without being named (`npm start` running dist/index.js,
        // `next start` serving .next): only a build in the Dockerfile makes it expendable.
        case BUILD_OUTPUT -> !rebuilt(item, contextDir);
        case CACHE -> name.equals(".next") ? !rebuilt(item, contextDir) : mentions(name);
        case VCS -> runsGit || mentions(name);
        default -> mentions(name);
      };
    }

    /** The name as a path element of some instruction: not inside a longer name. */
    private boolean mentions(String name) {
      return Pattern.compile("(?<![\\w.-])" + Pattern.quote(name) + "(?![\\w-])").matcher(text).find();
    }

    /** Whether the Dockerfile runs the build whose manifest sits beside the output folder. */
    private boolean rebuilt(NotableItem item, Path contextDir) {
      Path dir = contextDir.resolve(item.path()).getParent();
      return builds.stream().anyMatch(m -> Files.isRegularFile(dir.resolve(m)));
    }
  }

  private static String stripped(String path) {
    String p = path;
    while (p.startsWith("./") || p.startsWith("/")) {
      p = p.substring(p.startsWith("./") ? 2 : 1);
    }
    return p;
  }
}
