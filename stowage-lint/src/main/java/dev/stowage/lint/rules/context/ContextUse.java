package dev.stowage.lint.rules.context;

import dev.stowage.context.ContextScan.NotableItem;
import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.dockerfile.Heredoc;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.lint.rules.performance.BuildCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the Dockerfile's instructions do with the context beyond naming sources: the text they
 * mention paths in, and whether they install or build what the context may already hold. A
 * {@code COPY . .} takes everything; {@link #mayNeed} says which notable items the image may run
 * on, which {@code stowage fix --dockerignore} keeps and ST5001/ST5002 do not report:
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
public record ContextUse(String text, Set<String> installs, Set<String> builds, boolean runsGit) {
  public ContextUse {
    installs = Set.copyOf(installs);
    builds = Set.copyOf(builds);
  }

  private static final Pattern FROM_FLAG = Pattern.compile("--from=\\S+");

  /** What {@code dockerfile} does with its context. */
  public static ContextUse of(Dockerfile dockerfile) {
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
    return new ContextUse(text.toString(), installs, builds, git);
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

  /** Whether the image may read {@code item}, taken from the context in {@code contextDir}. */
  public boolean mayNeed(NotableItem item, Path contextDir) {
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
