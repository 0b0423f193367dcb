package dev.stowage.lint.rules.security;

import dev.stowage.dockerfile.ImageReference;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Span;
import dev.stowage.dockerfile.model.Base;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.lint.Category;
import dev.stowage.lint.Edit;
import dev.stowage.lint.Fix;
import dev.stowage.lint.DockerfileRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import dev.stowage.lint.rules.InstructionLines;
import dev.stowage.lint.rules.ShellEdits;
import dev.stowage.lint.rules.Stages;
import dev.stowage.lint.rules.performance.ConsecutiveRunInstructions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The image the build produces runs as root because no stage on its chain sets USER and its base
 * image is not known to switch user. An explicit {@code USER root} is hadolint's DL3002.
 */
@Rule(
    id = "ST3001",
    title = "Final stage runs as root by default",
    severity = Severity.WARNING,
    category = Category.SECURITY,
    fixable = true)
public final class FinalStageRunsAsRoot implements DockerfileRule {
  private static final Pattern NON_ROOT_TAG = Pattern.compile("(?i).*(non-?root|rootless).*");
  private static final Pattern DROPS_PRIVILEGES =
      Pattern.compile("(?<![\\w-])(gosu|su-exec|setpriv|chpst)(?![\\w-])");

  /**
   * Images that set a non-root USER, or whose entrypoint steps down from root (gosu, su-exec)
   * before starting the service.
   */
  private static final Set<String> STEP_DOWN =
      Set.of(
          "postgres",
          "mysql",
          "mariadb",
          "redis",
          "rabbitmq",
          "mongo",
          "cassandra",
          "couchdb",
          "influxdb",
          "memcached",
          "jenkins/jenkins",
          "grafana/grafana",
          "sonarqube",
          "nginxinc/nginx-unprivileged");

  @Override
  public void check(RuleContext ctx) {
    Optional<Stage> target = ctx.model().target();
    if (target.isEmpty()) {
      return;
    }
    Set<Integer> seen = new HashSet<>();
    Stage stage = target.get();
    while (seen.add(stage.index())) {
      if (!stage.instructions(Instruction.User.class).isEmpty() || dropsPrivileges(stage)) {
        return; // explicit USER (root or not: DL3002 judges it), or an entrypoint that switches
                // user
      }
      Base base = stage.base();
      if (base instanceof Base.StageBase sb) {
        stage = ctx.model().stages().get(sb.stage());
        continue;
      }
      if (base instanceof Base.Image img
          && (switchesUser(img.reference()) || isWindows(img.reference()))) {
        return; // Windows containers have no root user (found in the official corpus)
      }
      if (base instanceof Base.Invalid || stage.from().image().isEmpty()) {
        return; // an unresolved base could be anything
      }
      Instruction.From from = target.get().from();
      String message =
          "The final stage runs as root: no USER is set and "
              + describe(base)
              + " does not switch user; add USER with a non-root user after the steps that need"
              + " root";
      Optional<Fix> fix =
          exposesPrivilegedPort(ctx, target.get()) ? Optional.empty() : userFix(ctx, target.get(), base);
      if (fix.isPresent()) {
        ctx.report(from.image().get().span(), message, fix.get());
      } else {
        ctx.report(from.image().get().span(), message);
      }
      return;
    }
  }

  private static String describe(Base base) {
    return switch (base) {
      case Base.Image img -> img.reference().familiarString();
      case Base.Scratch s -> "scratch";
      default -> base.name();
    };
  }

  /** Windows base images (servercore, nanoserver, windows): root does not apply. */
  static boolean isWindows(ImageReference ref) {
    String repo = ref.repository();
    return repo.startsWith("windows/")
        || repo.endsWith("/windowsservercore")
        || repo.endsWith("/nanoserver")
        || repo.contains("windows/servercore")
        || repo.contains("windows/nanoserver")
        || ref.tag().filter(t -> t.contains("windowsservercore") || t.contains("nanoserver")).isPresent();
  }

  /** Images that set a non-root user themselves. */
  static boolean switchesUser(ImageReference ref) {
    String tag = ref.tag().orElse("");
    if (NON_ROOT_TAG.matcher(tag).matches() || NON_ROOT_TAG.matcher(ref.repository()).matches()) {
      return true;
    }
    if (STEP_DOWN.contains(ref.familiarName())) {
      return true;
    }
    String name = ref.name().toLowerCase(Locale.ROOT);
    // Chainguard images run as a non-root user unless they are the -dev variants
    return name.startsWith("cgr.dev/chainguard/") && !tag.contains("dev");
  }

  /**
   * The stage installs or calls a tool whose only job is to drop root at start-up (gosu, su-exec).
   */
  /** A cheap test before the regular expression. */
  private static boolean mayDropPrivileges(String text) {
    return text.contains("gosu")
        || text.contains("su-exec")
        || text.contains("setpriv")
        || text.contains("chpst");
  }

  private static boolean dropsPrivileges(Stage stage) {
    for (Instruction ins : stage.instructions()) {
      if (ins instanceof Instruction.CommandForm c
          && mayDropPrivileges(c.syntax().original())
          && DROPS_PRIVILEGES.matcher(c.syntax().original()).find()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The numeric {@code uid:gid} of the unprivileged user that well-known images create for
   * their own use: a user that exists in the image, so the program keeps a passwd entry and a
   * home. Numeric, so that Kubernetes' {@code runAsNonRoot} can verify it (DL3066).
   */
  static Optional<String> knownUser(ImageReference ref) {
    String name = ref.familiarName();
    if (name.equals("node")) {
      return Optional.of("1000:1000"); // the image's "node" user
    }
    if (ref.name().startsWith("gcr.io/distroless/")) {
      return Optional.of("65532:65532"); // distroless' "nonroot" user
    }
    return Optional.empty();
  }

  /** An unprivileged user cannot bind ports below 1024 outside Docker's own default sysctls. */
  private static boolean exposesPrivilegedPort(RuleContext ctx, Stage target) {
    for (Stage s : Stages.lineage(ctx.model(), target)) {
      for (Instruction.Expose e : s.instructions(Instruction.Expose.class)) {
        for (var w : e.ports()) {
          String digits = w.value().split("[/-]", 2)[0];
          if (!digits.matches("\\d{1,5}") || Integer.parseInt(digits) < 1024) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * The user the fix switches to, and the command that creates it when the image has none:
   * {@code create} is empty for a user the base image ships.
   */
  record NewUser(String id, Optional<String> create) {}

  /** The numeric id of the user the fix creates (above the ranges distributions allocate). */
  static final String CREATED = "10001:10001";

  /**
   * The user for a final stage on {@code base}: the base image's own unprivileged user where it is
   * known; one created with the image's own tool on a Debian, Ubuntu or Alpine runtime image; the
   * conventional {@code nobody} id on scratch, which has no user database for root either. None
   * for toolchain images (ST2001 moves the program out of them first) and unknown images.
   */
  static Optional<NewUser> userFor(Base base) {
    if (base instanceof Base.Scratch) {
      return Optional.of(new NewUser("65534:65534", Optional.empty()));
    }
    if (!(base instanceof Base.Image img)) {
      return Optional.empty();
    }
    ImageReference ref = img.reference();
    Optional<String> known = knownUser(ref);
    if (known.isPresent()) {
      return Optional.of(new NewUser(known.get(), Optional.empty()));
    }
    return switch (family(ref)) {
      case DEBIAN ->
          Optional.of(new NewUser(CREATED, Optional.of(
              "useradd --uid 10001 --user-group --no-create-home --no-log-init"
                  + " --home-dir /nonexistent --shell /usr/sbin/nologin app")));
      case ALPINE ->
          Optional.of(new NewUser(CREATED, Optional.of(
              "addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app"
                  + " -h /nonexistent -s /sbin/nologin app")));
      case UNKNOWN -> Optional.empty();
    };
  }

  /** How users are made in an image: shadow's useradd, BusyBox's adduser, or not known. */
  enum Family {
    DEBIAN,
    ALPINE,
    UNKNOWN
  }

  /**
   * Runtime images whose default variants are Debian or Ubuntu (shadow's {@code useradd} is in
   * their essential {@code passwd} package); their {@code -alpine} variants have BusyBox.
   */
  private static final Set<String> DEBIAN_RUNTIMES = Set.of("debian", "ubuntu", "python", "ruby", "perl", "php");

  /** JDK vendors' images: only their JRE variants are runtimes (the JDKs are ST2001's). */
  private static final Set<String> JRE_IMAGES =
      Set.of("eclipse-temurin", "openjdk", "ibm-semeru-runtimes", "sapmachine");

  static Family family(ImageReference ref) {
    String name = ref.familiarName();
    String tag = ref.tag().orElse("latest").toLowerCase(Locale.ROOT);
    if (name.equals("alpine")) {
      return Family.ALPINE;
    }
    boolean runtime =
        DEBIAN_RUNTIMES.contains(name) || (JRE_IMAGES.contains(name) && tag.contains("jre"));
    // php's apache variant binds port 80 and drops root itself; UBI, Windows and the others
    // are not known to have either tool.
    if (!runtime || tag.contains("apache") || tag.contains("ubi") || tag.contains("windows")
        || tag.contains("nanoserver")) {
      return Family.UNKNOWN;
    }
    return tag.contains("alpine") ? Family.ALPINE : Family.DEBIAN;
  }

  /**
   * Launchers that write into the user's home when they start (a cache, logs, a lock file):
   * under a created user without a home they would fail, so no user is created for them.
   */
  private static final Set<String> HOME_WRITERS =
      Set.of("uv", "uvx", "poetry", "pipenv", "npm", "npx", "yarn", "pnpm", "bundle", "bundler");

  /** The image's command (ENTRYPOINT, else CMD, of the chain) starts with a home writer. */
  private static boolean startsHomeWriter(RuleContext ctx, Stage target) {
    Optional<String> first = Optional.empty();
    Optional<String> entrypoint = Optional.empty();
    for (Stage s : Stages.lineage(ctx.model(), target)) {
      for (Instruction i : s.instructions()) {
        if (i instanceof Instruction.CommandForm c && (c instanceof Instruction.Cmd || c instanceof Instruction.Entrypoint)) {
          List<String> args = c.isExecForm() ? c.execArgs() : c.shellCommand().map(t -> List.of(t.strip().split("\\s+"))).orElse(List.of());
          Optional<String> program = args.isEmpty() ? Optional.empty() : Optional.of(args.get(0));
          if (c instanceof Instruction.Entrypoint) {
            entrypoint = program;
          } else {
            first = program;
          }
        }
      }
    }
    Optional<String> program = entrypoint.isPresent() ? entrypoint : first;
    return program.map(p -> p.substring(p.lastIndexOf('/') + 1)).filter(HOME_WRITERS::contains).isPresent();
  }

  /** The stage makes a user itself: it should switch to that one, which the fix cannot guess. */
  private static boolean createsUser(RuleContext ctx, Stage target) {
    for (Stage s : Stages.lineage(ctx.model(), target)) {
      for (Instruction.Run run : s.instructions(Instruction.Run.class)) {
        String text = run.syntax().original();
        if (text.contains("useradd") || text.contains("adduser")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * {@code USER uid:gid} after the last RUN or WORKDIR of the final stage (after its FROM if
   * none), and where the image has no such user, the RUN that creates it right after the FROM:
   * every step that installs software still runs as root, the working directory BuildKit creates
   * stays root-owned (it would belong to the USER in force), and so does what is copied
   * afterwards.
   */
  private static Optional<Fix> userFix(RuleContext ctx, Stage target, Base base) {
    Optional<NewUser> user = userFor(base);
    if (user.isEmpty()
        || (user.get().create().isPresent() && (createsUser(ctx, target) || startsHomeWriter(ctx, target)))) {
      return Optional.empty();
    }
    Instruction after = target.from();
    for (Instruction i : target.instructions()) {
      if (i instanceof Instruction.Run || i instanceof Instruction.Workdir) {
        after = i;
      }
    }
    String source = ctx.dockerfile().source();
    Edit switchUser = InstructionLines.after(source, after, "USER", user.get().id());
    if (user.get().create().isEmpty()) {
      return Optional.of(new Fix(List.of(switchUser)));
    }
    // The user is made right after FROM: the step depends on the base image alone, so no change
    // to the Dockerfile's later steps or to the source ever runs it again.
    String command = user.get().create().get();
    Optional<Edit> joined = joinFirstRun(ctx, target, command);
    if (joined.isPresent()) {
      return Optional.of(new Fix(List.of(joined.get(), switchUser)));
    }
    Edit create = InstructionLines.after(source, target.from(), "RUN", command);
    return Optional.of(
        new Fix(
            after == target.from()
                ? List.of(new Edit(create.span(), create.text() + switchUser.text()))
                : List.of(create, switchUser)));
  }

  /**
   * When the stage starts with a short RUN without flags, the command that creates the user is
   * appended to it ({@code && useradd ...}) instead of standing as a RUN of its own beside it,
   * which DL3059 would report: that RUN also depends on the base image alone.
   */
  private static Optional<Edit> joinFirstRun(RuleContext ctx, Stage target, String command) {
    if (target.instructions().isEmpty()
        || !(target.instructions().get(0) instanceof Instruction.Run first)
        || !first.flags().isEmpty()
        || !ConsecutiveRunInstructions.isShort(first, ctx)) {
      return Optional.empty();
    }
    if (first.isExecForm()) {
      return joinExecForm(ctx, first, command);
    }
    return ctx.shell(first)
        .flatMap(script -> ShellEdits.appendOffset(first, script, ctx))
        .map(at -> new Edit(new Span(at, at), ShellEdits.continuation(ctx, first, at) + "&& " + command));
  }

  /**
   * An exec-form first RUN becomes the same command in shell form, each element single-quoted so
   * that the shell expands nothing (exec form expands nothing either), followed by {@code &&} and
   * the user's creation. Not where a SHELL instruction may make the shell form run something
   * other than {@code /bin/sh -c}.
   */
  private static Optional<Edit> joinExecForm(RuleContext ctx, Instruction.Run first, String command) {
    List<String> args = first.execArgs();
    if (args.isEmpty() || ctx.dockerfile().instructions().stream().anyMatch(i -> i instanceof Instruction.Shell)) {
      return Optional.empty();
    }
    List<String> words = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      words.add(shellWord(args.get(i), i == 0));
    }
    return Optional.of(new Edit(first.syntax().restSpan(), String.join(" ", words) + " && " + command));
  }

  private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_@%+:,./=-]+");

  /**
   * An exec-form element as one shell word that the shell leaves as it is: bare when it holds
   * nothing the shell reads ({@code =} only after the program, where it cannot make an
   * assignment), else single-quoted.
   */
  private static String shellWord(String arg, boolean program) {
    if (PLAIN_WORD.matcher(arg).matches() && !(program && arg.contains("="))) {
      return arg;
    }
    return "'" + arg.replace("'", "'\\''") + "'";
  }
}
