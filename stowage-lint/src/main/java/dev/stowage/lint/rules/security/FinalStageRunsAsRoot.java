package dev.stowage.lint.rules.security;

import dev.stowage.dockerfile.ImageReference;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.model.Base;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.lint.Category;
import dev.stowage.lint.Fix;
import dev.stowage.lint.DockerfileRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import dev.stowage.lint.rules.InstructionLines;
import dev.stowage.lint.rules.Stages;
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
      Optional<String> user =
          base instanceof Base.Image img ? knownUser(img.reference()) : Optional.empty();
      if (user.isPresent() && !exposesPrivilegedPort(ctx, target.get())) {
        ctx.report(from.image().get().span(), message, userFix(ctx, target.get(), user.get()));
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

  /** {@code USER uid:gid} after the last RUN of the final stage (after its FROM if none). */
  private static Fix userFix(RuleContext ctx, Stage target, String user) {
    List<Instruction.Run> runs = target.instructions(Instruction.Run.class);
    Instruction after = runs.isEmpty() ? target.from() : runs.get(runs.size() - 1);
    return new Fix(
        List.of(InstructionLines.after(ctx.dockerfile().source(), after, "USER", user)));
  }
}
