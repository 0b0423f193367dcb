package dev.stowage.lint.rules.size;

import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.dockerfile.ImageReference;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Span;
import dev.stowage.dockerfile.Word;
import dev.stowage.dockerfile.model.Base;
import dev.stowage.dockerfile.model.Scope;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.PackageInstall;
import dev.stowage.dockerfile.shell.PackageSpec;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.lint.Edit;
import dev.stowage.lint.Fix;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.rules.CargoPackage;
import dev.stowage.lint.rules.ShellEdits;
import dev.stowage.lint.rules.performance.BuildCommands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ST2001's repair for two clear single-stage patterns: a Go build with {@code CGO_ENABLED=0} becomes
 * a builder stage and a {@code scratch} runtime holding the binary (and the builder's CA bundle); a
 * Maven or Gradle build of a jar run with {@code java -jar} becomes a builder stage and the
 * Eclipse Temurin JRE of the same Java version. Everything after the build step then belongs to
 * the runtime stage, byte for byte; nothing is offered when anything else could need the toolchain
 * image at run time.
 */
final class StageSplitFix {
  private StageSplitFix() {}

  /** Instructions that may follow the build step: they become the runtime stage's own. */
  private static final Set<String> AFTER_BUILD =
      Set.of("ENV", "LABEL", "EXPOSE", "STOPSIGNAL", "CMD", "ENTRYPOINT", "USER", "WORKDIR", "ARG", "HEALTHCHECK");

  /** Instructions before the build step whose effect on the image config the runtime repeats. */
  private static final Set<String> CARRIED = Set.of("ENV", "LABEL", "EXPOSE", "STOPSIGNAL", "CMD", "ENTRYPOINT", "USER");

  /** System packages a build installs that a static binary or a jar does not need at run time. */
  private static final Set<String> BUILD_ONLY_PACKAGES =
      Set.of(
          "git", "ca-certificates", "tzdata", "make", "gcc", "g++", "musl-dev", "build-base",
          "build-essential", "libc-dev", "libc6-dev", "upx", "binutils", "curl", "wget", "unzip");

  /** Source folders whose files a program commonly reads at run time. */
  private static final List<String> RUNTIME_DATA =
      List.of("templates", "static", "public", "assets", "web", "config", "configs", "migrations", "views", "i18n", "locales");

  private static final Pattern JDK_TAG = Pattern.compile("(\\d+)(?:[.\\d_u+]*)?-jdk((?:-[a-z0-9.]+)*)");
  private static final Pattern MAVEN_TAG = Pattern.compile(".*-eclipse-temurin-(\\d+)((?:-[a-z0-9.]+)*)");
  private static final Pattern GRADLE_TAG = Pattern.compile(".*?-?jdk(\\d+)((?:-[a-z0-9.]+)*)");
  /** A {@code maven} tag on an OpenJDK build: {@code 3.8-openjdk-17}, {@code 3.8.6-openjdk-11-slim}. */
  private static final Pattern MAVEN_OPENJDK_TAG = Pattern.compile(".*-openjdk-(\\d+)((?:-[a-z0-9.]+)*)");
  /** An {@code openjdk} JDK tag: {@code 17}, {@code 17-jdk-slim}, {@code 11.0.16-jdk-bullseye}. */
  private static final Pattern OPENJDK_TAG = Pattern.compile("(\\d+)(?:[.\\d_u+]*)?(?:-jdk)?((?:-[a-z0-9.]+)*)");

  /** The runtime stage: its base, the files copied from the builder, and its working directory. */
  private record Runtime(String base, List<String> copies) {}

  static Optional<Fix> of(RuleContext ctx, ImageReference base) {
    List<Stage> stages = ctx.model().stages();
    if (stages.size() != 1 || !(stages.get(0).base() instanceof Base.Image) || ctx.contextDir().isEmpty()) {
      return Optional.empty();
    }
    Stage stage = stages.get(0);
    Instruction.From from = stage.from();
    if (from.flag("platform").isPresent() || from.image().isEmpty()) {
      return Optional.empty();
    }
    List<Instruction> ins = stage.instructions();
    int buildAt = -1;
    for (int i = 0; i < ins.size(); i++) {
      if (ins.get(i) instanceof Instruction.Run) {
        buildAt = i;
      }
    }
    if (buildAt < 0) {
      return Optional.empty();
    }
    Instruction.Run build = (Instruction.Run) ins.get(buildAt);
    Optional<ShellScript> script = ctx.shell(build);
    Optional<String> workdir = workdir(ins.subList(0, buildAt), ctx);
    if (script.isEmpty() || workdir.isEmpty() || !script.get().errors().isEmpty()) {
      return Optional.empty();
    }
    for (Instruction i : ins.subList(buildAt + 1, ins.size())) {
      if (!AFTER_BUILD.contains(i.name())
          || i.syntax().original().contains("$")
          || (i instanceof Instruction.Healthcheck h && !h.isNone())
          || (i instanceof Instruction.User u && !numericOrRoot(u))) {
        return Optional.empty();
      }
    }
    List<Instruction> carried = new ArrayList<>();
    for (Instruction i : ins.subList(0, buildAt)) {
      if (i instanceof Instruction.Onbuild || i instanceof Instruction.Volume || i instanceof Instruction.Shell
          || (i instanceof Instruction.Healthcheck h && !h.isNone())) {
        return Optional.empty();
      }
      if (i instanceof Instruction.User u && !numericOrRoot(u)) {
        return Optional.empty();
      }
      if (CARRIED.contains(i.name())) {
        if (i.syntax().original().contains("$")) {
          return Optional.empty();
        }
        carried.add(i);
      }
      if (i instanceof Instruction.Run r && !onlyBuildPackages(ctx, r)) {
        return Optional.empty();
      }
      if (i instanceof Instruction.FileTransfer ft && !intoWorkdir(ft, ins.subList(0, buildAt), ctx)) {
        return Optional.empty(); // files put elsewhere may be meant for run time
      }
    }
    List<Instruction.CommandForm> commands = new ArrayList<>();
    for (Instruction i : ins) {
      if (i instanceof Instruction.Cmd || i instanceof Instruction.Entrypoint) {
        if (!((Instruction.CommandForm) i).isExecForm()) {
          return Optional.empty(); // no shell in the runtime image
        }
        commands.add((Instruction.CommandForm) i);
      }
    }
    List<String> argv = argv(commands);
    if (argv.isEmpty()) {
      return Optional.empty();
    }
    Scope scope = ctx.scopeBefore(build);
    String shortName = FinalImage.shortName(base);
    Optional<Runtime> runtime =
        switch (shortName) {
          case "golang" -> go(script.get(), scope, workdir.get(), argv);
          case "rust" -> rust(script.get(), scope, base, workdir.get(), argv, ctx.contextDir().get());
          default -> java(script.get(), base, workdir.get(), argv, contextPom(ctx, ins.subList(0, buildAt), workdir.get()));
        };
    if (runtime.isEmpty()
        || (runtime.get().base().equals("scratch")
            && ins.stream().anyMatch(i -> i instanceof Instruction.User u && !u.user().orElse("").matches("\\d+")))) {
      return Optional.empty(); // scratch has no user database: only numeric users
    }
    for (String dir : RUNTIME_DATA) {
      if (Files.isDirectory(ctx.contextDir().get().resolve(dir))) {
        return Optional.empty(); // the program may read these at run time
      }
    }
    return Optional.of(edits(ctx, from, build, "", carried, workdir.get(), runtime.get()));
  }

  private static Fix edits(
      RuleContext ctx,
      Instruction.From from,
      Instruction.Run build,
      String lastBuildStep,
      List<Instruction> carried,
      String workdir,
      Runtime rt) {
    Dockerfile df = ctx.dockerfile();
    String src = df.source();
    String eol = src.contains("\r\n") ? "\r\n" : "\n";
    boolean lower = from.syntax().keyword().equals(from.syntax().keyword().toLowerCase(Locale.ROOT));
    String name = from.stageName().map(Word::value).orElse("build");
    List<Edit> edits = new ArrayList<>();
    if (from.stageName().isEmpty()) {
      int end = from.image().get().span().end();
      edits.add(new Edit(new Span(end, end), (lower ? " as " : " AS ") + name));
    }
    StringBuilder stage = new StringBuilder();
    if (!lastBuildStep.isEmpty()) {
      stage.append(eol).append(lastBuildStep);
    }
    stage.append(eol).append(eol).append(lower ? "from " : "FROM ").append(rt.base());
    for (Instruction i : carried) {
      stage.append(eol).append(df.text(i.span()));
    }
    stage.append(eol).append(lower ? "workdir " : "WORKDIR ").append(workdir);
    for (String copy : rt.copies()) {
      stage.append(eol).append(lower ? "copy" : "COPY").append(" --from=").append(name).append(' ').append(copy);
    }
    edits.add(new Edit(new Span(build.span().end(), build.span().end()), stage.toString()));
    return new Fix(edits);
  }

  /** A COPY or ADD of local files into the working directory (or below it). */
  static boolean intoWorkdir(Instruction.FileTransfer ft, List<Instruction> before, RuleContext ctx) {
    if (ft.from().isPresent() || ft.destination().isEmpty() || !(ft instanceof Instruction.Copy)) {
      return false;
    }
    List<Instruction> upTo = new ArrayList<>();
    for (Instruction i : before) {
      if (i == ft) {
        break;
      }
      upTo.add(i);
    }
    Optional<String> wd = workdir(upTo, ctx);
    String dest = ft.destination().get().value();
    if (wd.isEmpty() || dest.contains("$")) {
      return false;
    }
    String abs = normalize(dest.startsWith("/") ? dest : wd.get() + "/" + dest);
    return abs.equals(wd.get()) || abs.startsWith(wd.get().equals("/") ? "/" : wd.get() + "/");
  }

  private static boolean numericOrRoot(Instruction.User u) {
    String user = u.user().orElse("");
    String group = u.group().orElse("0");
    return (user.matches("\\d+") || user.equals("root")) && (group.matches("\\d+") || group.equals("root"));
  }

  /** System packages installed only for building (git, make, certificates, ...). */
  private static boolean onlyBuildPackages(RuleContext ctx, Instruction.Run run) {
    Optional<ShellScript> s = ctx.shell(run);
    if (s.isEmpty()) {
      return false;
    }
    for (PackageInstall install : s.get().packageInstalls()) {
      for (PackageSpec p : install.packages()) {
        if (!BUILD_ONLY_PACKAGES.contains(p.name())) {
          return false;
        }
      }
    }
    return true;
  }

  /** The absolute WORKDIR set by the Dockerfile before the build, when known. */
  static Optional<String> workdir(List<Instruction> before, RuleContext ctx) {
    Optional<String> wd = Optional.empty();
    for (Instruction i : before) {
      if (i instanceof Instruction.Workdir w && w.path().isPresent()) {
        String p = ctx.scopeBefore(i).expandOrRaw(w.path().get().value());
        if (p.contains("$") || (!p.startsWith("/") && wd.isEmpty())) {
          return Optional.empty();
        }
        wd = Optional.of(p.startsWith("/") ? p : wd.get() + "/" + p);
      }
    }
    return wd.map(StageSplitFix::normalize);
  }

  private static String normalize(String path) {
    return ShellEdits.resolvePath("/", path);
  }

  /** The command the image runs: ENTRYPOINT then CMD (a CMD after an ENTRYPOINT adds arguments). */
  static List<String> argv(List<Instruction.CommandForm> commands) {
    List<String> entrypoint = List.of();
    List<String> cmd = List.of();
    for (Instruction.CommandForm c : commands) {
      if (c instanceof Instruction.Entrypoint) {
        entrypoint = c.execArgs();
        cmd = List.of();
      } else {
        cmd = c.execArgs();
      }
    }
    List<String> out = new ArrayList<>(entrypoint);
    out.addAll(cmd);
    return out;
  }

  private static Optional<Runtime> go(ShellScript script, Scope scope, String workdir, List<String> argv) {
    List<Command> builds = script.commands().stream().filter(BuildCommands::goBuilds).toList();
    if (builds.size() != 1 || !BuildCommands.is(builds.get(0), "go", "build") || script.usesCd()) {
      return Optional.empty();
    }
    Command c = builds.get(0);
    boolean static0 =
        c.assignments().stream().anyMatch(a -> a.name().equals("CGO_ENABLED") && a.value().text().equals("0"))
            || (c.assignments().stream().noneMatch(a -> a.name().equals("CGO_ENABLED"))
                && scope.lookup("CGO_ENABLED").filter("0"::equals).isPresent());
    Optional<String> out = BuildCommands.arguments(c).flagValue("-o");
    if (!static0 || out.isEmpty() || out.get().contains("$") || out.get().endsWith("/")) {
      return Optional.empty();
    }
    String binary = normalize(out.get().startsWith("/") ? out.get() : workdir + "/" + out.get());
    if (!runs(argv.get(0), binary, workdir)) {
      return Optional.empty();
    }
    return Optional.of(
        new Runtime(
            "scratch",
            List.of("/etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/", binary + " " + binary)));
  }

  /** The Debian release a {@code rust} tag names; the default tags follow Debian's releases. */
  private static final Pattern RUST_DEBIAN = Pattern.compile("(?:.*-)?(bullseye|bookworm|trixie)");

  /** A crate of Cargo.lock that links a system library. */
  private static final Pattern SYS_CRATE = Pattern.compile("name = \"[^\"]*-sys\"");

  /**
   * A {@code cargo build} of one package's default binary ({@code src/main.rs}) on a {@code rust}
   * image whose tag names its Debian release: the binary runs on that release's slim image, which
   * has the same C library. Not when a crate links a system library ({@code *-sys} in
   * Cargo.lock: the slim image lacks it) or the target folder or binary are not cargo's defaults.
   */
  private static Optional<Runtime> rust(
      ShellScript script, Scope scope, ImageReference base, String workdir, List<String> argv, Path context) {
    List<Command> builds = script.commands().stream().filter(BuildCommands::cargoBuilds).toList();
    Matcher debian = RUST_DEBIAN.matcher(base.tag().orElse(""));
    if (builds.size() != 1 || !BuildCommands.is(builds.get(0), "cargo", "build") || script.usesCd()
        || !debian.matches() || scope.lookup("CARGO_TARGET_DIR").isPresent()
        || scope.lookup("CARGO_BUILD_TARGET_DIR").isPresent()) {
      return Optional.empty();
    }
    String profile = "debug";
    String target = "";
    List<String> words = builds.get(0).words().stream().map(w -> w.text()).toList();
    for (int i = 2; i < words.size(); i++) {
      String w = words.get(i);
      String value = w.contains("=") ? w.substring(w.indexOf('=') + 1) : i + 1 < words.size() ? words.get(i + 1) : "";
      switch (w.contains("=") ? w.substring(0, w.indexOf('=')) : w) {
        case "--release", "-r" -> profile = "release";
        case "--profile" -> profile = value.equals("dev") ? "debug" : value;
        case "--target" -> target = value + "/";
        case "--bin", "--bins", "--example", "--examples", "-p", "--package", "--workspace",
            "--manifest-path", "--target-dir", "--out-dir", "--artifact-dir" -> {
          return Optional.empty();
        }
        default -> {}
      }
    }
    try {
      Optional<CargoPackage> pkg = CargoPackage.read(context);
      Path lock = context.resolve("Cargo.lock");
      if (pkg.isEmpty() || pkg.get().manifest().contains("[[bin]]")
          || !Files.isRegularFile(context.resolve("src/main.rs"))
          || (Files.isRegularFile(lock) && SYS_CRATE.matcher(Files.readString(lock)).find())
          || profile.contains("$") || target.contains("$")) {
        return Optional.empty();
      }
      String binary = normalize(workdir + "/target/" + target + profile + "/" + pkg.get().name());
      if (!runs(argv.get(0), binary, workdir)) {
        return Optional.empty();
      }
      return Optional.of(
          new Runtime(
              "debian:" + debian.group(1) + "-slim",
              List.of("/etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/", binary + " " + binary)));
    } catch (IOException unreadable) {
      return Optional.empty();
    }
  }

  /** Whether the image's program is the built binary. */
  private static boolean runs(String program, String binary, String workdir) {
    if (program.startsWith("/")) {
      return normalize(program).equals(binary);
    }
    if (program.contains("/")) {
      return normalize(workdir + "/" + program).equals(binary);
    }
    return Set.of("/usr/local/bin/", "/usr/bin/", "/bin/").contains(binary.substring(0, binary.lastIndexOf('/') + 1))
        && binary.endsWith("/" + program);
  }

  /**
   * The context's {@code pom.xml} when the build stage copies the whole context into its one
   * working directory ({@code WORKDIR /app} then {@code COPY . .}), so that {@code target/} is
   * beside it.
   */
  private static Optional<Path> contextPom(RuleContext ctx, List<Instruction> beforeBuild, String workdir) {
    long workdirs = beforeBuild.stream().filter(i -> i instanceof Instruction.Workdir).count();
    Optional<Path> pom = ctx.contextDir().map(d -> d.resolve("pom.xml")).filter(Files::isRegularFile);
    if (workdirs != 1 || pom.isEmpty()) {
      return Optional.empty();
    }
    boolean workdirSeen = false;
    for (Instruction i : beforeBuild) {
      workdirSeen |= i instanceof Instruction.Workdir;
      if (workdirSeen && i instanceof Instruction.Copy c && c.from().isEmpty() && c.sources().size() == 1
          && Set.of(".", "./").contains(c.sources().get(0).value())
          && c.destination().map(Word::value).filter(d -> Set.of(".", "./", workdir, workdir + "/").contains(d)).isPresent()) {
        return pom;
      }
    }
    return Optional.empty();
  }

  private static Optional<Runtime> java(
      ShellScript script, ImageReference base, String workdir, List<String> argv, Optional<Path> pom) {
    boolean builds = script.commands().stream().anyMatch(c -> BuildCommands.mavenBuilds(c) || BuildCommands.gradleBuilds(c));
    if (!builds || script.usesCd()) {
      return Optional.empty();
    }
    Optional<String> jre = jreFor(base);
    int jar = argv.indexOf("-jar");
    if (jre.isEmpty() || argv.size() < 3 || !argv.get(0).equals("java") || jar < 1 || jar + 1 >= argv.size()) {
      return Optional.empty();
    }
    for (int i = 1; i < jar; i++) {
      if (!argv.get(i).startsWith("-")) {
        return Optional.empty();
      }
    }
    String path = argv.get(jar + 1);
    if (!path.endsWith(".jar") || path.contains("*") || path.contains("$") || path.contains("?")) {
      return Optional.empty();
    }
    String abs = normalize(path.startsWith("/") ? path : workdir + "/" + path);
    // The jar's folder, not the jar alone: a manifest Class-Path names its libraries relative to
    // the jar (Maven's copy-dependencies into target/lib, Gradle's build/libs). A jar beside the
    // sources (copied out of target/ by the build) is taken alone.
    String dir = abs.substring(0, abs.lastIndexOf('/'));
    // Maven's target/ beside a plain POM that names the jar's libraries: the libraries first (a
    // layer that a source change leaves as it is), then the jar; nothing else of target/.
    if (dir.equals(workdir + "/target") && pom.isPresent()
        && script.commands().stream().anyMatch(BuildCommands::mavenBuilds)) {
      Optional<String> libs = MavenJarLayout.libraryFolder(pom.get());
      if (libs.isPresent()) {
        String lib = dir + "/" + libs.get();
        return Optional.of(new Runtime(jre.get(), List.of(lib + " " + lib, abs + " " + abs)));
      }
    }
    String copied = dir.isEmpty() || dir.equals(workdir) || workdir.startsWith(dir + "/") ? abs : dir;
    return Optional.of(new Runtime(jre.get(), List.of(copied + " " + copied)));
  }

  /** Programs a Node build's RUNs may run: they write only into the working directory (and caches). */
  private static final Set<String> NODE_PROGRAMS = Set.of("npm", "npx", "node");

  /**
   * ST2004's repair for a single-stage Node build ({@code npm ci} with the devDependencies, then
   * {@code npm run build}): the stage becomes the builder and ends with {@code npm prune
   * --omit=dev}; a runtime stage on the same image takes the working directory from it, so the
   * shipped image holds the built application with production dependencies only.
   */
  static Optional<Fix> nodeRuntime(RuleContext ctx, Command install) {
    List<Stage> stages = ctx.model().stages();
    if (stages.size() != 1 || !(stages.get(0).base() instanceof Base.Image img)
        || !FinalImage.shortName(img.reference()).equals("node")
        || !BuildCommands.program(install).equals("npm")) {
      return Optional.empty();
    }
    Stage stage = stages.get(0);
    Instruction.From from = stage.from();
    List<Instruction> ins = stage.instructions();
    int last = -1;
    for (int i = 0; i < ins.size(); i++) {
      if (ins.get(i) instanceof Instruction.Run) {
        last = i;
      }
    }
    if (from.flag("platform").isPresent() || from.image().isEmpty() || last < 0) {
      return Optional.empty();
    }
    Optional<String> workdir = workdir(ins.subList(0, last), ctx);
    if (workdir.isEmpty() || workdir.get().equals("/")) {
      return Optional.empty();
    }
    int installs = 0;
    boolean built = false;
    List<Instruction> carried = new ArrayList<>();
    for (Instruction i : ins.subList(0, last + 1)) {
      switch (i) {
        case Instruction.Run r -> {
          Optional<ShellScript> s = ctx.shell(r);
          if (s.isEmpty() || !s.get().errors().isEmpty() || s.get().usesCd()) {
            return Optional.empty();
          }
          for (Command c : s.get().commands()) {
            if (!NODE_PROGRAMS.contains(BuildCommands.program(c))) {
              return Optional.empty(); // it may write outside the working directory
            }
            installs += BuildCommands.nodeProjectInstall(c) ? 1 : 0;
            built |= BuildCommands.nodeBuilds(c);
          }
        }
        case Instruction.FileTransfer ft -> {
          if (ft.chown().isPresent() || !intoWorkdir(ft, ins.subList(0, last), ctx)) {
            return Optional.empty();
          }
        }
        case Instruction.User u -> {
          return Optional.empty(); // files the build wrote belong to that user; a COPY would not keep that
        }
        default -> {
          if (i instanceof Instruction.Onbuild || i instanceof Instruction.Volume || i instanceof Instruction.Shell) {
            return Optional.empty();
          }
          if (CARRIED.contains(i.name()) || i instanceof Instruction.Healthcheck) {
            if (i.syntax().original().contains("$")) {
              return Optional.empty();
            }
            carried.add(i);
          }
        }
      }
    }
    for (Instruction i : ins.subList(last + 1, ins.size())) {
      if (!(AFTER_BUILD.contains(i.name())) || i.syntax().original().contains("$")) {
        return Optional.empty();
      }
    }
    if (installs != 1 || !built) {
      return Optional.empty(); // without a build step the devDependencies may be what runs
    }
    String major = FinalImage.tag(img.reference()).replaceAll("^(\\d+).*", "$1");
    String prune = major.matches("\\d+") && Integer.parseInt(major) < 16 ? "npm prune --production" : "npm prune --omit=dev";
    Dockerfile df = ctx.dockerfile();
    String eol = df.source().contains("\r\n") ? "\r\n" : "\n";
    boolean lower = from.syntax().keyword().equals(from.syntax().keyword().toLowerCase(Locale.ROOT));
    Instruction.Run lastRun = (Instruction.Run) ins.get(last);
    Runtime rt = new Runtime(df.text(from.image().get().span()), List.of(workdir.get() + " " + workdir.get()));
    return Optional.of(
        edits(ctx, from, lastRun, (lower ? "run " : "RUN ") + prune, carried, workdir.get(), rt));
  }

  /** The Temurin JRE of the builder's Java version, only when the tag says which version it is. */
  static Optional<String> jreFor(ImageReference base) {
    String tag = FinalImage.tag(base);
    Matcher m;
    switch (FinalImage.shortName(base)) {
      case "eclipse-temurin" -> {
        m = JDK_TAG.matcher(tag);
        if (m.matches() && base.digest().isEmpty()) {
          return Optional.of("eclipse-temurin:" + m.group(1) + "-jre" + m.group(2));
        }
      }
      case "maven" -> {
        m = MAVEN_TAG.matcher(tag);
        if (m.matches()) {
          return Optional.of("eclipse-temurin:" + m.group(1) + "-jre" + m.group(2));
        }
        m = MAVEN_OPENJDK_TAG.matcher(tag);
        if (m.matches()) {
          return openjdkSuccessor(m.group(1), m.group(2));
        }
      }
      case "openjdk" -> {
        m = OPENJDK_TAG.matcher(tag);
        if (m.matches() && base.digest().isEmpty() && !tag.contains("jre")) {
          return openjdkSuccessor(m.group(1), m.group(2));
        }
      }
      case "gradle" -> {
        m = GRADLE_TAG.matcher(tag);
        if (m.matches() && !tag.contains("graal") && !tag.contains("corretto")) {
          return Optional.of("eclipse-temurin:" + m.group(1) + "-jre" + m.group(2));
        }
      }
      default -> {}
    }
    return Optional.empty();
  }

  /** Debian-based OpenJDK image variants: their JRE is Temurin's default (Ubuntu) one. */
  private static final Set<String> DEBIAN_VARIANTS =
      Set.of("", "-slim", "-buster", "-slim-buster", "-bullseye", "-slim-bullseye", "-bookworm", "-slim-bookworm");

  /**
   * The JRE for an image built on the OpenJDK project's builds. Docker Hub's {@code openjdk} image
   * has no JRE from Java 12 on and is deprecated; Eclipse Temurin is the same OpenJDK, so its JRE
   * of the same version runs what the JDK compiled. Oracle Linux and Windows variants: none.
   */
  private static Optional<String> openjdkSuccessor(String version, String variant) {
    if (DEBIAN_VARIANTS.contains(variant)) {
      return Optional.of("eclipse-temurin:" + version + "-jre");
    }
    return variant.equals("-alpine") ? Optional.of("eclipse-temurin:" + version + "-jre-alpine") : Optional.empty();
  }
}
