package dev.stowage.lint.rules.performance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.context.DockerIgnore;
import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Span;
import dev.stowage.dockerfile.model.Scope;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.dockerfile.shell.AndOrList;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.lint.Edit;
import dev.stowage.lint.Fix;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.rules.CargoPackage;
import dev.stowage.lint.rules.ShellEdits;
import dev.stowage.lint.rules.Stages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ST1001's repair: copy the dependency manifests and install before the whole-source COPY. Offered
 * only where the build context shows that the install needs nothing but the manifests, and the
 * install step sees the same working directory, user and environment at its new place.
 */
final class DependencyFirstFix {
  private DependencyFirstFix() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Instructions that may sit between the source COPY and the install without changing either. */
  private static final Set<String> NEUTRAL =
      Set.of("EXPOSE", "LABEL", "CMD", "ENTRYPOINT", "HEALTHCHECK", "STOPSIGNAL", "MAINTAINER");

  /**
   * What to put before the source COPY: the manifest files (context paths) and either the install
   * command moved as it is ({@code generated} empty) or a generated command that fetches the
   * dependencies while the original stays where it is.
   */
  private record Plan(List<String> files, Optional<String> generated, List<String> tmpfs) {
    Plan(List<String> files, Optional<String> generated) {
      this(files, generated, List.of());
    }
  }

  static Optional<Fix> of(
      Stage stage, Instruction.FileTransfer copy, Instruction.Run run, ShellScript script, Command c, RuleContext ctx) {
    try {
      return build(stage, copy, run, script, c, ctx);
    } catch (IOException e) {
      return Optional.empty(); // an unreadable manifest: no fix, the finding stands
    }
  }

  private static Optional<Fix> build(
      Stage stage, Instruction.FileTransfer copy, Instruction.Run run, ShellScript script, Command c, RuleContext ctx)
      throws IOException {
    Optional<Path> context = ctx.contextDir();
    if (context.isEmpty()
        || !(copy instanceof Instruction.Copy)
        || copy.sources().size() != 1
        || !Set.of(".", "./").contains(copy.sources().get(0).value())
        || copy.destination().isEmpty()
        || copy.destination().get().value().contains("$")
        || copy.flags().stream().anyMatch(f -> !Set.of("chown", "chmod", "link").contains(f.name()))
        || !run.heredocs().isEmpty()
        || ctx.inOnbuild()
        || !onlyNeutralBetween(stage, copy, run)) {
      return Optional.empty();
    }
    String dest = copy.destination().get().value();
    Optional<String> workdir = workdirBefore(ctx, copy);
    String destAbs = ShellEdits.resolvePath(workdir.orElse("?"), dest);
    String cwd = workdir.orElse("?");
    Optional<Plan> plan = plan(c, script, context.get(), cwd, destAbs, ctx.scopeBefore(run));
    if (plan.isEmpty()) {
      return Optional.empty();
    }
    Optional<DockerIgnore> ignore = DockerIgnore.read(context.get());
    for (String f : plan.get().files()) {
      if (!Files.exists(context.get().resolve(f)) || (ignore.isPresent() && ignore.get().excludes(f))) {
        return Optional.empty();
      }
    }
    for (String installed : List.of("node_modules", "vendor", ".bundle", ".venv")) {
      if (Files.exists(context.get().resolve(installed))
          && (ignore.isEmpty() || !ignore.get().excludes(installed))) {
        return Optional.empty(); // the source copy would overwrite what the install made
      }
    }
    Dockerfile df = ctx.dockerfile();
    String src = df.source();
    String indent = indentOf(src, copy.span().start());
    String eol = src.contains("\r\n") ? "\r\n" : "\n";
    String runFlags =
        run.flags().stream().map(f -> df.text(f.span()) + " ").reduce("", String::concat);
    // The manifests bind-mounted into the install step, where their folder is known and the
    // copy sets no owner or mode: the install reads them, and the whole-source COPY after it
    // brings them into the image once. Otherwise they are copied first (and so copied twice).
    String lineBreak = " " + df.directives().escape() + eol + indent + "    ";
    Optional<String> binds = bindMounts(plan.get().files(), destAbs, copy, lineBreak);
    if (binds.isEmpty() && !plan.get().tmpfs().isEmpty()) {
      return Optional.empty(); // stub sources need a known folder to be mounted into
    }
    String mounts = binds.orElse("");
    for (String dir : plan.get().tmpfs()) {
      mounts += "--mount=type=tmpfs,target=" + (destAbs.equals("/") ? "" : destAbs) + "/" + dir + lineBreak;
    }
    List<Edit> edits = new ArrayList<>();
    String moved;
    if (plan.get().generated().isPresent()) {
      moved = run.syntax().keyword() + " " + runFlags + mounts + plan.get().generated().get();
    } else if (isWholeScript(script, c)) {
      String whole = df.text(run.span());
      int at = run.syntax().restSpan().start() - run.span().start(); // where the command starts
      moved = whole.substring(0, at) + mounts + whole.substring(at);
      edits.add(new Edit(wholeLine(src, run.span()), ""));
    } else {
      Optional<Span> removal = firstOfAndList(script, c) ? ShellEdits.commandRemoval(ctx, run, script, c) : Optional.empty();
      if (removal.isEmpty()) {
        return Optional.empty();
      }
      moved = run.syntax().keyword() + " " + runFlags + mounts + df.text(ctx.shellSpan(run, c.offset(), c.endOffset()));
      edits.add(new Edit(removal.get(), ""));
    }
    StringBuilder text = new StringBuilder();
    if (binds.isEmpty()) {
      String copyFlags = copy.flags().stream().map(f -> " " + df.text(f.span())).reduce("", String::concat);
      String destDir = dest.equals(".") || dest.equals("./") ? "./" : dest.endsWith("/") ? dest : dest + "/";
      for (Map.Entry<String, List<String>> group : byDirectory(plan.get().files()).entrySet()) {
        text.append(copy.syntax().keyword()).append(copyFlags);
        for (String f : group.getValue()) {
          text.append(' ').append(f);
        }
        String to = group.getKey().isEmpty() ? destDir : destDir + group.getKey();
        text.append(' ').append(to).append(eol).append(indent);
      }
    }
    text.append(moved).append(eol).append(indent);
    edits.add(new Edit(new Span(copy.span().start(), copy.span().start()), text.toString()));
    try {
      return Optional.of(new Fix(edits));
    } catch (IllegalArgumentException overlapping) {
      return Optional.empty();
    }
  }

  /** Characters a file name may hold to be written into a {@code --mount} value unquoted. */
  private static final Pattern MOUNT_SAFE = Pattern.compile("[A-Za-z0-9._/@+-]+");

  /**
   * One {@code --mount=type=bind,...,rw} per manifest, each followed by {@code lineBreak}, with the
   * target where the whole-source copy puts the same file; empty when the destination folder is
   * not known, the copy sets an owner or mode (the install may need them), or a name would need
   * quoting. {@code rw}: what the install writes into a manifest (npm rewriting its lock file)
   * is discarded, as the whole-source copy after it would have replaced it.
   */
  private static Optional<String> bindMounts(
      List<String> files, String destAbs, Instruction.FileTransfer copy, String lineBreak) {
    if (!destAbs.startsWith("/") || destAbs.contains("$") || destAbs.contains("?")
        || copy.flags().stream().anyMatch(f -> !f.name().equals("link"))
        || !MOUNT_SAFE.matcher(destAbs).matches()) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder();
    for (String f : files) {
      String rel = f.endsWith("/") ? f.substring(0, f.length() - 1) : f;
      if (!MOUNT_SAFE.matcher(rel).matches() || rel.startsWith("/") || rel.contains("..")) {
        return Optional.empty();
      }
      out.append("--mount=type=bind,source=").append(rel)
          .append(",target=").append(destAbs.equals("/") ? "" : destAbs).append('/').append(rel)
          .append(",rw").append(lineBreak);
    }
    return Optional.of(out.toString());
  }

  /** Files grouped by their directory in the context ({@code ""} for the root), in order. */
  private static Map<String, List<String>> byDirectory(List<String> files) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String f : files) {
      int slash = f.lastIndexOf('/');
      String dir = slash < 0 ? "" : f.substring(0, slash + 1);
      if (f.endsWith("/")) {
        dir = f;
      }
      out.computeIfAbsent(dir, k -> new ArrayList<>()).add(f);
    }
    return out;
  }

  private static boolean onlyNeutralBetween(Stage stage, Instruction copy, Instruction run) {
    boolean between = false;
    for (Instruction i : stage.instructions()) {
      if (i == copy) {
        between = true;
      } else if (i == run) {
        return true;
      } else if (between && !NEUTRAL.contains(i.name())) {
        return false;
      }
    }
    return false;
  }

  /** The absolute WORKDIR in effect before the instruction, empty when only the base image knows it. */
  private static Optional<String> workdirBefore(RuleContext ctx, Instruction ins) {
    Optional<String> wd = Optional.empty();
    for (Instruction i : Stages.before(ctx.model(), ins)) {
      if (i instanceof Instruction.Workdir w && w.path().isPresent()) {
        String p = ctx.scopeBefore(i).expandOrRaw(w.path().get().value());
        if (p.contains("$")) {
          return Optional.of("$unknown");
        }
        wd = Optional.of(ShellEdits.resolvePath(wd.orElse("?"), p));
      }
    }
    return wd;
  }

  private static String indentOf(String src, int offset) {
    int start = offset;
    while (start > 0 && (src.charAt(start - 1) == ' ' || src.charAt(start - 1) == '\t')) {
      start--;
    }
    return start == 0 || src.charAt(start - 1) == '\n' ? src.substring(start, offset) : "";
  }

  /** The instruction's lines: from the start of its first line through its line break. */
  private static Span wholeLine(String src, Span span) {
    int start = span.start() - indentOf(src, span.start()).length();
    int end = span.end();
    if (end < src.length() && src.charAt(end) == '\r') {
      end++;
    }
    if (end < src.length() && src.charAt(end) == '\n') {
      end++;
    }
    return new Span(start, end);
  }

  private static boolean isWholeScript(ShellScript script, Command c) {
    return script.commands().size() == 1 && script.commands().get(0) == c && script.errors().isEmpty()
        && script.body().items().size() == 1 && !script.body().items().get(0).background();
  }

  private static boolean firstOfAndList(ShellScript script, Command c) {
    List<AndOrList> items = script.body().items();
    return items.size() == 1
        && items.get(0).pipelines().size() > 1
        && items.get(0).pipelines().get(0).commands().get(0) == c.node();
  }

  /** The manifests and the command for one install, or empty when it may need more of the source. */
  private static Optional<Plan> plan(Command c, ShellScript script, Path context, String cwd, String destAbs, Scope scope)
      throws IOException {
    String p = BuildCommands.program(c);
    List<String> pos = BuildCommands.positional(c);
    boolean atRoot = cwd.equals(destAbs) && script.cdCommands().stream().noneMatch(cd -> cd.offset() < c.offset());
    if (BuildCommands.nodeProjectInstall(c)) {
      return atRoot ? node(p, context) : Optional.empty();
    }
    if ((p.equals("pip") || p.equals("pip3")) && !pos.isEmpty() && pos.get(0).equals("install")) {
      return pip(c, context, cwd, destAbs);
    }
    if (!atRoot) {
      return Optional.empty();
    }
    if (BuildCommands.is(c, "go", "mod", "download")) {
      return goModules(context, Optional.empty());
    }
    if (BuildCommands.goBuilds(c)) {
      if (BuildCommands.arguments(c).flagValue("-mod").filter("vendor"::equals).isPresent()
          || Files.isDirectory(context.resolve("vendor"))) {
        return Optional.empty();
      }
      return goModules(context, Optional.of("go mod download"));
    }
    if (BuildCommands.isMaven(c)) {
      return maven(c, context);
    }
    if (BuildCommands.is(c, "cargo", "build")) {
      return cargo(c, context);
    }
    if (BuildCommands.isGradle(c)) {
      return gradle(c, context);
    }
    switch (p) {
      case "bundle", "bundler" -> {
        return bundler(context);
      }
      case "composer" -> {
        return composer(c, context);
      }
      case "poetry" -> {
        if (!pos.equals(List.of("install"))
            || BuildCommands.hasFlag(c, "-C", "--directory", "--only-root")
            || readOr(context.resolve("pyproject.toml")).contains("path =")) {
          return Optional.empty();
        }
        return dependenciesOnly(c, "--no-root", context, List.of("pyproject.toml", "poetry.lock"), List.of("poetry.toml"));
      }
      case "uv" -> {
        return uvSync(c, context);
      }
      case "pipenv" -> {
        // Local packages (path = or file =) are part of the source; pipenv loads a project's .env
        // into the install's environment, which the moved install would not see.
        String pipfile = readOr(context.resolve("Pipfile"));
        if (pos.equals(List.of("install")) && !LOCAL_PIPFILE_ENTRY.matcher(pipfile).find()
            && !Files.exists(context.resolve(".env"))) {
          return existing(context, List.of("Pipfile", "Pipfile.lock"), List.of())
              .map(files -> new Plan(files, Optional.empty()));
        }
        return Optional.empty();
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  /** A Pipfile package taken from the project's own files: {@code path = "."} or {@code file = "./x.tar.gz"}. */
  private static final Pattern LOCAL_PIPFILE_ENTRY = Pattern.compile("\\b(path|file)\\s*=");

  /** A Node dependency taken from the project's files, or patched with them. */
  private static boolean localNodeSpec(String spec) {
    return spec.startsWith("file:") || spec.startsWith("link:") || spec.startsWith("portal:")
        || spec.startsWith("workspace:") || spec.startsWith("patch:") || spec.startsWith(".")
        || spec.startsWith("/");
  }

  /** The required files when they all exist, plus the optional ones that do. */
  private static Optional<List<String>> existing(Path context, List<String> required, List<String> optional) {
    List<String> out = new ArrayList<>();
    for (String f : required) {
      if (!Files.isRegularFile(context.resolve(f))) {
        return Optional.empty();
      }
      out.add(f);
    }
    for (String f : optional) {
      if (Files.isRegularFile(context.resolve(f))) {
        out.add(f);
      }
    }
    return Optional.of(out);
  }

  /** The parsed JSON file, or null when it is malformed. */
  private static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException malformed) {
      return null;
    }
  }

  private static String readOr(Path file) throws IOException {
    return Files.isRegularFile(file) ? Files.readString(file) : "";
  }

  private static Optional<Plan> node(String tool, Path context) throws IOException {
    Path pkg = context.resolve("package.json");
    if (!Files.isRegularFile(pkg)) {
      return Optional.empty();
    }
    JsonNode json = readJson(pkg);
    if (json == null || !json.isObject() || json.has("workspaces")) {
      return Optional.empty();
    }
    JsonNode scripts = json.path("scripts");
    for (String s : BuildCommands.NODE_INSTALL_SCRIPTS) {
      if (scripts.has(s)) {
        return Optional.empty(); // a lifecycle script may read any file of the project
      }
    }
    // Patches applied at install time live in the source (pnpm's patchedDependencies;
    // patch-package runs from a postinstall script, refused above).
    if (json.has("patchedDependencies") || json.path("pnpm").has("patchedDependencies")) {
      return Optional.empty();
    }
    List<JsonNode> sections = new ArrayList<>();
    for (String section : List.of("dependencies", "devDependencies", "optionalDependencies", "peerDependencies",
        "resolutions", "overrides")) {
      sections.add(json.path(section));
    }
    sections.add(json.path("pnpm").path("overrides"));
    for (JsonNode section : sections) {
      Iterator<Map.Entry<String, JsonNode>> deps = section.fields();
      while (deps.hasNext()) {
        if (localNodeSpec(deps.next().getValue().asText(""))) {
          return Optional.empty();
        }
      }
    }
    List<String> files = new ArrayList<>(List.of("package.json"));
    switch (tool) {
      case "yarn" -> {
        if (!Files.isRegularFile(context.resolve("yarn.lock"))) {
          return Optional.empty();
        }
        files.add("yarn.lock");
        Path yarnrc = context.resolve(".yarnrc.yml");
        if (Files.isRegularFile(yarnrc)) {
          String rc = Files.readString(yarnrc);
          if (rc.contains("yarnPath") || rc.contains("plugins")) {
            return Optional.empty(); // the release or plugins live under .yarn/
          }
          files.add(".yarnrc.yml");
        }
        if (Files.isRegularFile(context.resolve(".yarnrc"))) {
          files.add(".yarnrc");
        }
      }
      case "pnpm" -> {
        // a .pnpmfile.cjs hook runs during the install and may read any file of the project
        if (!Files.isRegularFile(context.resolve("pnpm-lock.yaml"))
            || Files.exists(context.resolve("pnpm-workspace.yaml"))
            || Files.exists(context.resolve(".pnpmfile.cjs"))) {
          return Optional.empty();
        }
        files.add("pnpm-lock.yaml");
      }
      default -> {
        if (Files.isRegularFile(context.resolve("package-lock.json"))) {
          files.add("package-lock.json");
        }
        if (Files.isRegularFile(context.resolve("npm-shrinkwrap.json"))) {
          files.add("npm-shrinkwrap.json");
        }
        if (files.size() == 1) {
          return Optional.empty(); // no lock file: npm ci refuses, npm install resolves anew
        }
      }
    }
    if (Files.isRegularFile(context.resolve(".npmrc"))) {
      files.add(".npmrc");
    }
    return Optional.of(new Plan(files, Optional.empty()));
  }

  private static final Pattern LOCAL_REQUIREMENT =
      Pattern.compile("^(-e|--editable|\\.|/|~|file:|-f|--find-links|--src|-i|--index-url)|@ *file:|^[^#]*\\s\\.\\.?/");

  private static Optional<Plan> pip(Command c, Path context, String cwd, String destAbs) throws IOException {
    var args = BuildCommands.arguments(c);
    List<String> pos = args.positionalTexts();
    if (args.hasFlag("-e", "--editable", "--src", "--root", "--prefix", "-t", "--target")) {
      return Optional.empty();
    }
    for (String p : pos.subList(1, pos.size())) {
      if (p.startsWith(".") || p.startsWith("/") || p.contains("$") || p.endsWith(".whl") || p.endsWith(".tar.gz")) {
        return Optional.empty(); // a local project, wheel or archive
      }
    }
    List<String> named = new ArrayList<>(args.flagValues("-r", "--requirement"));
    named.addAll(args.flagValues("-c", "--constraint"));
    if (named.isEmpty()) {
      return Optional.empty();
    }
    Set<String> files = new LinkedHashSet<>();
    // --find-links DIR: a folder of wheels or archives in the context; it is copied with the
    // requirements (a URL or a path outside the whole-source copy means no fix).
    for (String links : args.flagValues("-f", "--find-links")) {
      if (links.contains("$") || links.contains("://") || links.startsWith("file:")) {
        return Optional.empty();
      }
      String abs = ShellEdits.resolvePath(cwd, links);
      if (!abs.startsWith(destAbs.equals("/") ? "/" : destAbs + "/")) {
        return Optional.empty();
      }
      String rel = abs.substring(destAbs.equals("/") ? 1 : destAbs.length() + 1);
      if (rel.isEmpty() || rel.startsWith("..") || !Files.isDirectory(context.resolve(rel))) {
        return Optional.empty();
      }
      files.add(rel.endsWith("/") ? rel : rel + "/");
    }
    for (String r : named) {
      if (r.contains("$")) {
        return Optional.empty();
      }
      String abs = ShellEdits.resolvePath(cwd, r);
      if (!abs.startsWith(destAbs.equals("/") ? "/" : destAbs + "/")) {
        return Optional.empty(); // not from the whole-source copy
      }
      String rel = abs.substring(destAbs.equals("/") ? 1 : destAbs.length() + 1);
      if (!requirements(context, rel, files, 0)) {
        return Optional.empty();
      }
    }
    return Optional.of(new Plan(List.copyOf(files), Optional.empty()));
  }

  /** Adds a requirements file and the files it includes; false when it needs more of the source. */
  private static boolean requirements(Path context, String rel, Set<String> files, int depth) throws IOException {
    Path file = context.resolve(rel).normalize();
    if (depth > 8 || rel.startsWith("..") || !file.startsWith(context.normalize()) || !Files.isRegularFile(file)) {
      return false;
    }
    if (!files.add(rel)) {
      return true;
    }
    String dir = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/') + 1) : "";
    for (String raw : Files.readAllLines(file)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] words = line.split("\\s+", 2);
      if (Set.of("-r", "--requirement", "-c", "--constraint").contains(words[0]) && words.length == 2) {
        if (!requirements(context, ShellEdits.resolvePath(dir.isEmpty() ? "." : dir, words[1].strip()).replaceFirst("^\\./", ""), files, depth + 1)) {
          return false;
        }
      } else if (line.startsWith("-r") || line.startsWith("-c") || line.startsWith("--requirement")
          || line.startsWith("--constraint") || LOCAL_REQUIREMENT.matcher(line).find()) {
        return false;
      }
    }
    return true;
  }

  private static Optional<Plan> goModules(Path context, Optional<String> generated) throws IOException {
    Path mod = context.resolve("go.mod");
    if (!Files.isRegularFile(mod) || Files.exists(context.resolve("go.work"))) {
      return Optional.empty();
    }
    for (String line : Files.readAllLines(mod)) {
      if (line.contains("=>") && Pattern.compile("=>\\s*\\.{0,2}/").matcher(line).find()) {
        return Optional.empty(); // a replace with a local directory
      }
    }
    return existing(context, List.of("go.mod"), List.of("go.sum")).map(files -> new Plan(files, generated));
  }

  private static Optional<Plan> maven(Command c, Path context) throws IOException {
    if (c.words().stream().map(w -> w.text().replaceFirst("=.*", ""))
        .anyMatch(Set.of("-f", "--file", "-s", "--settings", "-gs", "--global-settings", "-pl", "--projects")::contains)) {
      return Optional.empty();
    }
    Path pom = context.resolve("pom.xml");
    if (!Files.isRegularFile(pom) || Files.readString(pom).contains("<modules>")) {
      return Optional.empty(); // a multi-module build needs every module's pom
    }
    String program = c.nameWord().map(w -> w.text()).orElse("mvn");
    List<String> files = new ArrayList<>(List.of("pom.xml"));
    if (BuildCommands.program(c).equals("mvnw")) {
      if (!program.equals("./mvnw") || !Files.isDirectory(context.resolve(".mvn"))) {
        return Optional.empty();
      }
      files.add("mvnw");
      files.add(".mvn/");
    }
    boolean resolvesOnly = BuildCommands.positional(c).stream().allMatch(g -> g.startsWith("dependency:"));
    return Optional.of(new Plan(files, resolvesOnly ? Optional.empty() : Optional.of(program + " -B dependency:go-offline")));
  }

  /** Build-script code that reads project files while Gradle configures the build. */
  private static final Pattern GRADLE_READS_FILES =
      Pattern.compile("\\bfile\\(|\\bfiles\\(|new File|fileTree|apply\\s*\\(?\\s*from|includeBuild|\\binclude\\b|exec\\s*\\{");

  private static Optional<Plan> gradle(Command c, Path context) throws IOException {
    if (c.words().stream().map(w -> w.text().replaceFirst("=.*", ""))
        .anyMatch(Set.of("-p", "--project-dir", "-b", "--build-file", "-c", "--settings-file", "-I", "--init-script")::contains)
        || Files.exists(context.resolve("buildSrc"))) {
      return Optional.empty();
    }
    List<String> files = new ArrayList<>();
    for (String f : List.of("settings.gradle", "settings.gradle.kts", "build.gradle", "build.gradle.kts", "gradle.properties")) {
      Path file = context.resolve(f);
      if (Files.isRegularFile(file)) {
        if (GRADLE_READS_FILES.matcher(Files.readString(file)).find()) {
          return Optional.empty(); // a multi-project build, or one that reads other files
        }
        files.add(f);
      }
    }
    if (files.stream().noneMatch(f -> f.startsWith("build.gradle"))) {
      return Optional.empty();
    }
    String program = c.nameWord().map(w -> w.text()).orElse("gradle");
    if (BuildCommands.program(c).equals("gradlew")) {
      if (!program.equals("./gradlew") || !Files.isDirectory(context.resolve("gradle/wrapper"))) {
        return Optional.empty();
      }
      files.add("gradlew");
    }
    if (Files.isDirectory(context.resolve("gradle"))) {
      files.add("gradle/"); // the wrapper and the version catalog
    }
    boolean resolvesOnly = BuildCommands.positional(c).equals(List.of("dependencies"));
    return Optional.of(
        new Plan(files, resolvesOnly ? Optional.empty() : Optional.of(program + " dependencies --no-daemon")));
  }

  private static Optional<Plan> bundler(Path context) throws IOException {
    String gemfile = readOr(context.resolve("Gemfile"));
    if (gemfile.isEmpty() || gemfile.contains("gemspec") || gemfile.contains("path:") || gemfile.contains(":path")
        || gemfile.contains("eval_gemfile")) {
      return Optional.empty();
    }
    return existing(context, List.of("Gemfile", "Gemfile.lock"), List.of()).map(files -> new Plan(files, Optional.empty()));
  }

  /**
   * {@code uv sync} of one project with its uv.lock: {@code --no-install-project} installs the
   * locked dependencies without the project's source (uv's own advice for images); the original
   * sync stays after the source copy and installs the project.
   */
  private static Optional<Plan> uvSync(Command c, Path context) throws IOException {
    if (!BuildCommands.positional(c).equals(List.of("sync"))
        || BuildCommands.hasFlag(c, "--directory", "--project", "--package", "--all-packages")) {
      return Optional.empty();
    }
    String pyproject = readOr(context.resolve("pyproject.toml"));
    if (pyproject.contains("[tool.uv.workspace]") || pyproject.contains("path =") || pyproject.contains("workspace = true")) {
      return Optional.empty(); // members and path dependencies are read from the source
    }
    return dependenciesOnly(
        c, "--no-install-project", context, List.of("pyproject.toml", "uv.lock"), List.of(".python-version", "uv.toml"));
  }

  /**
   * An install that also installs the project from its source: with {@code onlyFlag} (which
   * leaves the project out) it moves as it is; without, a new install with the flag goes first
   * and the original stays after the source copy.
   */
  private static Optional<Plan> dependenciesOnly(
      Command c, String onlyFlag, Path context, List<String> required, List<String> optional) {
    Optional<String> generated = Optional.empty();
    if (!BuildCommands.hasFlag(c, onlyFlag)) {
      generated = withFlag(c, onlyFlag);
      if (generated.isEmpty()) {
        return Optional.empty();
      }
    }
    Optional<String> command = generated;
    return existing(context, required, optional).map(files -> new Plan(files, command));
  }

  /** The command as written plus {@code flag}, when it is written on one line. */
  private static Optional<String> withFlag(Command c, String flag) {
    String cmd = c.raw().strip() + " " + flag;
    return cmd.indexOf('\n') >= 0 || cmd.indexOf('\\') >= 0 ? Optional.empty() : Optional.of(cmd);
  }

  private static Optional<Plan> composer(Command c, Path context) throws IOException {
    if (!BuildCommands.positional(c).equals(List.of("install"))
        || BuildCommands.hasFlag(c, "-d", "--working-dir")
        || !c.assignments().isEmpty()) {
      return Optional.empty();
    }
    Path json = context.resolve("composer.json");
    if (!Files.isRegularFile(json)) {
      return Optional.empty();
    }
    JsonNode root = readJson(json);
    if (root == null) {
      return Optional.empty();
    }
    for (JsonNode repo : root.path("repositories")) {
      String type = repo.path("type").asText("");
      if (type.equals("path") || type.equals("artifact")) {
        return Optional.empty(); // packages from folders or archives of the project
      }
    }
    StringBuilder cmd = new StringBuilder(c.raw().strip());
    for (String flag : List.of("--no-scripts", "--no-autoloader")) {
      if (!BuildCommands.hasFlag(c, flag)) {
        cmd.append(' ').append(flag);
      }
    }
    if (cmd.indexOf("\n") >= 0 || cmd.indexOf("\\") >= 0) {
      return Optional.empty();
    }
    // auth.json beside composer.json holds the credentials of private repositories
    return existing(context, List.of("composer.json", "composer.lock"), List.of("auth.json"))
        .map(files -> new Plan(files, Optional.of(cmd.toString())));
  }

  /** {@code cargo build} flags that keep the package's own targets and may be repeated as they are. */
  private static final Set<String> CARGO_FLAGS =
      Set.of("--release", "-r", "--locked", "--frozen", "--offline", "--all-features",
          "--no-default-features", "-q", "--quiet", "-v", "--verbose");

  /** Those that take a value (written {@code --flag value} or {@code --flag=value}). */
  private static final Set<String> CARGO_VALUE_FLAGS =
      Set.of("--features", "-F", "--target", "--profile", "-j", "--jobs");

  /** What {@code cargo clean} needs of the build's flags to find the same artifacts. */
  private static final Set<String> CARGO_CLEAN_FLAGS =
      Set.of("--release", "-r", "--locked", "--frozen", "--offline", "--target", "--profile");

  /** Manifest keys that name other sources: path dependencies, a build script, a native library. */
  private static final Pattern CARGO_OTHER_SOURCES = Pattern.compile("(?m)(^|[\\s,{])(path|links|build)\\s*=");

  /**
   * {@code cargo build}: the dependencies built before the source is copied, against stub sources
   * in a tmpfs ({@code fn main() {}}, an empty library), then the package's own stub artifacts
   * removed with {@code cargo clean -p}, so that the real build after the source copy compiles the
   * package again whatever the source files' times. Only for one package whose targets are
   * cargo's defaults ({@code src/main.rs}, {@code src/lib.rs}), without path dependencies, a
   * {@code links} key or a build script path, and build flags that keep its targets.
   */
  private static Optional<Plan> cargo(Command c, Path context) throws IOException {
    List<String> words = c.words().stream().map(w -> w.text()).toList();
    int build = words.indexOf("build");
    if (build != 1) {
      return Optional.empty();
    }
    List<String> cleanFlags = new ArrayList<>();
    for (int i = build + 1; i < words.size(); i++) {
      String w = words.get(i);
      String name = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
      if (w.contains("$") || w.contains("'") || w.contains("\"")) {
        return Optional.empty();
      }
      boolean valued = CARGO_VALUE_FLAGS.contains(name);
      if (!valued && !CARGO_FLAGS.contains(w)) {
        return Optional.empty(); // --bin, -p, --manifest-path, --target-dir, ...: not the defaults
      }
      String value = "";
      if (valued && !w.contains("=")) {
        if (++i >= words.size()) {
          return Optional.empty();
        }
        value = " " + words.get(i);
      }
      if (CARGO_CLEAN_FLAGS.contains(name)) {
        cleanFlags.add(w.equals("-r") ? "--release" : w + value); // older cargo's clean has no -r
      }
    }
    Optional<CargoPackage> pkg = CargoPackage.read(context);
    if (pkg.isEmpty() || !Files.isRegularFile(context.resolve("Cargo.lock"))
        || pkg.get().manifest().contains("[[") || CARGO_OTHER_SOURCES.matcher(pkg.get().manifest()).find()) {
      return Optional.empty(); // declared targets, path dependencies, a build script's links
    }
    boolean bin = Files.isRegularFile(context.resolve("src/main.rs"));
    boolean lib = Files.isRegularFile(context.resolve("src/lib.rs"));
    if (!bin && !lib) {
      return Optional.empty();
    }
    String program = words.get(0);
    StringBuilder cmd = new StringBuilder();
    if (bin) {
      cmd.append("echo 'fn main() {}' > src/main.rs && ");
    }
    if (lib) {
      cmd.append("touch src/lib.rs && ");
    }
    cmd.append(String.join(" ", words)).append(" && ").append(program).append(" clean");
    cleanFlags.forEach(f -> cmd.append(' ').append(f));
    cmd.append(" -p ").append(pkg.get().name());
    return Optional.of(new Plan(List.of("Cargo.toml", "Cargo.lock"), Optional.of(cmd.toString()), List.of("src")));
  }
}
