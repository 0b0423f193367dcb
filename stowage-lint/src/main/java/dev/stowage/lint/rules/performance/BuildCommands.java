package dev.stowage.lint.rules.performance;

import dev.stowage.dockerfile.shell.Arguments;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.PackageManager;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.dockerfile.shell.Word;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Questions the build-speed and image-size rules ask about one shell command: which program it
 * really runs ({@code python -m pip} is pip, {@code ./mvnw} is Maven), its positional arguments,
 * and whether it installs a project's dependencies or compiles it. Stateless and thread-safe.
 *
 * <p>Shared by the performance and size rules; a candidate for the shell vocabulary.
 */
public final class BuildCommands {
  private BuildCommands() {}

  private static final Set<String> MAVEN = Set.of("mvn", "mvnw");
  private static final Set<String> GRADLE = Set.of("gradle", "gradlew");
  private static final Set<String> NODE_MANAGERS = Set.of("npm", "yarn", "pnpm");
  private static final Set<String> MAVEN_VALUE_FLAGS =
      Set.of("-f", "-s", "-gs", "-pl", "-P", "-T", "-rf", "-am", "-l", "-t", "-b", "--file");
  private static final Set<String> GRADLE_VALUE_FLAGS =
      Set.of("-p", "-b", "-c", "-g", "-x", "-I", "--project-dir", "--gradle-user-home");

  /** The base name of the program a command runs, with {@code python -m module} read as module. */
  public static String program(Command c) {
    return c.memo(PROGRAM, BuildCommands::computeProgram);
  }

  // What this class derives from one command, computed once per command and only when asked:
  // most commands are asked for their program only (#3 lint speed).
  private static final Object PROGRAM = new Object();
  private static final Object ARGUMENTS = new Object();

  private static String computeProgram(Command c) {
    List<Word> w = unwrapped(c);
    return w.isEmpty() ? "" : baseName(w.get(0).text());
  }

  /** The base name of a path. */
  public static String baseName(String program) {
    int slash = program.lastIndexOf('/');
    return slash >= 0 && slash < program.length() - 1 ? program.substring(slash + 1) : program;
  }

  private static List<Word> unwrapped(Command c) {
    List<Word> w = c.words();
    if (w.size() > 2
        && baseName(w.get(0).text()).startsWith("python")
        && w.get(1).text().equals("-m")) {
      return w.subList(2, w.size());
    }
    return w;
  }

  /** The arguments after the program, split with the program's value-taking flags. */
  public static Arguments arguments(Command c) {
    return c.memo(ARGUMENTS, BuildCommands::computeArguments);
  }

  private static Arguments computeArguments(Command c) {
    List<Word> w = unwrapped(c);
    String p = program(c);
    List<Word> args = w.isEmpty() ? List.of() : w.subList(1, w.size());
    Set<String> valueFlags =
        MAVEN.contains(p)
            ? MAVEN_VALUE_FLAGS
            : GRADLE.contains(p)
                ? GRADLE_VALUE_FLAGS
                : PackageManager.forCommand(p)
                    .map(PackageManager::valueFlags)
                    .orElseGet(() -> valueFlagsOf(c));
    return Arguments.of(args, valueFlags);
  }

  private static Set<String> valueFlagsOf(Command c) {
    // The built-in table of Command knows curl, go, tar, ...; reuse it through flag names.
    return switch (baseName(c.name())) {
      case "go" ->
          Set.of(
              "-C", "-o", "-p", "-mod", "-modfile", "-tags", "-ldflags", "-gcflags", "-asmflags",
              "-pkgdir", "-toolexec", "-overlay", "-pgo", "-trimpath=");
      case "cargo" ->
          Set.of(
              "-p", "-j", "-F", "--package", "--jobs", "--features", "--target", "--profile",
              "--target-dir", "--manifest-path", "--bin", "--example");
      case "dotnet" -> Set.of("-c", "-o", "-r", "-f", "--configuration", "--output", "--runtime");
      case "composer" -> Set.of("-d", "--working-dir");
      case "poetry", "pipenv" -> Set.of("-C", "--directory", "--with", "--without", "--only");
      case "uv" ->
          Set.of(
              "--directory", "--project", "--package", "-p", "--python", "-r", "--requirement", "-c",
              "--constraint", "--extra", "--group", "--no-group", "--only-group", "-i", "--index-url",
              "--extra-index-url", "--index", "-f", "--find-links", "-t", "--target", "--prefix");
      default -> Set.of();
    };
  }

  /** The positional arguments after the program. */
  public static List<String> positional(Command c) {
    return arguments(c).positionalTexts();
  }

  /** Whether the program is {@code program} and its positional arguments start with the path. */
  public static boolean is(Command c, String program, String... path) {
    if (!program(c).equals(program)) {
      return false;
    }
    List<String> p = positional(c);
    if (p.size() < path.length) {
      return false;
    }
    for (int i = 0; i < path.length; i++) {
      if (!p.get(i).equals(path[i])) {
        return false;
      }
    }
    return true;
  }

  /** The first positional argument, if any. */
  public static Optional<String> subcommand(Command c) {
    List<String> p = positional(c);
    return p.isEmpty() ? Optional.empty() : Optional.of(p.get(0));
  }

  /** Whether a flag is set on the unwrapped command. */
  public static boolean hasFlag(Command c, String... names) {
    return arguments(c).hasFlag(names);
  }

  public static boolean isMaven(Command c) {
    return MAVEN.contains(program(c));
  }

  public static boolean isGradle(Command c) {
    return GRADLE.contains(program(c));
  }

  /**
   * One of the variables set on the command itself ({@code MAVEN_OPTS=... mvn}) or by an earlier
   * command of the same script ({@code export MAVEN_OPTS=...}).
   */
  public static boolean setsVariable(ShellScript script, Command command, Set<String> names) {
    if (command.assignments().stream().anyMatch(a -> names.contains(a.name()))) {
      return true;
    }
    for (Command c : script.commands()) {
      if (c.offset() >= command.offset()) {
        break;
      }
      if (c.assignments().stream().anyMatch(a -> names.contains(a.name()))
          || c.words().stream().anyMatch(w -> {
            int eq = w.text().indexOf('=');
            return eq > 0 && names.contains(w.text().substring(0, eq));
          })) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code command} runs with {@code name} in its environment by this script: an
   * assignment before its name ({@code NAME=1 yarn}, {@code env NAME=1 yarn}) or an earlier
   * {@code export NAME=...}. Stricter than {@link #setsVariable}: an assignment before another
   * command ({@code NAME=1 yarn install && yarn build}) does not reach this one.
   */
  public static boolean inEnvironmentOf(ShellScript script, Command command, String name) {
    if (command.assignments().stream().anyMatch(a -> a.name().equals(name))) {
      return true;
    }
    int programAt = command.nameWord().map(Word::offset).orElse(Integer.MAX_VALUE);
    if (command.node().words().stream().anyMatch(w -> w.offset() < programAt && w.text().startsWith(name + "="))) {
      return true;
    }
    for (Command c : script.commands()) {
      if (c.offset() >= command.offset()) {
        break;
      }
      if (program(c).equals("export")
          && c.words().stream().anyMatch(w -> w.text().equals(name) || w.text().startsWith(name + "="))) {
        return true;
      }
    }
    return false;
  }

  /** Maven goals and phases that resolve the project's dependencies. */
  public static boolean mavenResolves(Command c) {
    return isMaven(c)
        && positional(c).stream()
            .anyMatch(
                g ->
                    g.startsWith("dependency:")
                        || List.of("compile", "test", "package", "install", "verify", "deploy")
                            .contains(g)
                        || g.endsWith(":repackage"));
  }

  /** Maven goals that produce the project's artefact. */
  public static boolean mavenBuilds(Command c) {
    return isMaven(c)
        && positional(c).stream()
            .anyMatch(
                g -> List.of("compile", "package", "install", "verify", "deploy").contains(g));
  }

  /** Gradle tasks that produce the project's artefact. */
  public static boolean gradleBuilds(Command c) {
    return isGradle(c)
        && positional(c).stream()
            .map(t -> t.substring(t.lastIndexOf(':') + 1))
            .anyMatch(
                t ->
                    List.of(
                            "build", "assemble", "jar", "bootJar", "shadowJar", "installDist",
                            "distTar", "distZip", "war", "bootWar")
                        .contains(t));
  }

  /** {@code go build} or {@code go install} of the project (not {@code go install tool@v1}). */
  public static boolean goBuilds(Command c) {
    // the program test first spares the sub-command arrays for most commands
    if (!program(c).equals("go") || !(is(c, "go", "build") || is(c, "go", "install"))) {
      return false;
    }
    List<String> p = positional(c);
    return p.subList(1, p.size()).stream().noneMatch(a -> a.contains("@"));
  }

  public static boolean cargoBuilds(Command c) {
    return program(c).equals("cargo")
        && (is(c, "cargo", "build") || (is(c, "cargo", "install") && hasFlag(c, "--path")));
  }

  public static boolean dotnetBuilds(Command c) {
    return program(c).equals("dotnet")
        && (is(c, "dotnet", "publish") || is(c, "dotnet", "build"));
  }

  /** {@code npm run build}, {@code yarn build}, {@code pnpm run build} and the like. */
  public static boolean nodeBuilds(Command c) {
    String p = program(c);
    if (!NODE_MANAGERS.contains(p)) {
      return false;
    }
    List<String> pos = positional(c);
    if (pos.isEmpty()) {
      return false;
    }
    String script = pos.get(0).equals("run") || pos.get(0).equals("run-script")
        ? (pos.size() > 1 ? pos.get(1) : "")
        : (p.equals("npm") ? "" : pos.get(0));
    return script.equals("build") || script.startsWith("build:") || script.equals("compile");
  }

  /** The package.json scripts that npm runs on a project install; they may read any file. */
  public static final Set<String> NODE_INSTALL_SCRIPTS =
      Set.of("preinstall", "install", "postinstall", "prepare", "prepublish", "preprepare", "postprepare");

  /** Whether a command installs a Node project's dependencies (not named packages). */
  public static boolean nodeProjectInstall(Command c) {
    String p = program(c);
    if (!p.equals("npm") && !p.equals("yarn") && !p.equals("pnpm")) {
      return false; // spares splitting the arguments of every other command
    }
    List<String> pos = positional(c);
    return switch (p) {
      case "npm" ->
          !pos.isEmpty()
              && (pos.get(0).equals("ci")
                  || (Set.of("install", "i", "isntall").contains(pos.get(0))
                      && pos.size() == 1
                      && !hasFlag(c, "-g", "--global")));
      case "yarn" ->
          (pos.isEmpty() && !hasFlag(c, "-v", "--version", "-h", "--help"))
              || (pos.size() == 1 && pos.get(0).equals("install"));
      case "pnpm" ->
          !pos.isEmpty() && Set.of("install", "i").contains(pos.get(0)) && pos.size() == 1;
      default -> false;
    };
  }

  /** {@code bundle install}, or a bare {@code bundle} (which installs); not {@code bundle --version}. */
  public static boolean bundleInstalls(Command c) {
    String p = program(c);
    if (!p.equals("bundle") && !p.equals("bundler")) {
      return false;
    }
    List<String> pos = positional(c);
    return pos.isEmpty()
        ? !hasFlag(c, "-v", "--version", "-V", "-h", "--help")
        : pos.get(0).equals("install");
  }
}
