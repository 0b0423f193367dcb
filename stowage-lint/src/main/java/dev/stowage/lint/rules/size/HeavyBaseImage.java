package dev.stowage.lint.rules.size;

import dev.stowage.dockerfile.ImageReference;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.lint.Category;
import dev.stowage.lint.DockerfileRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The final image starts from the full variant of an official image that also comes in a slim,
 * JRE or runtime-only variant: the full one carries compilers, headers and tools the application
 * rarely needs, often several hundred megabytes more to pull and scan.
 */
@Rule(
    id = "ST2002",
    title = "Final image uses a heavy base where a slim variant exists",
    severity = Severity.INFO,
    category = Category.SIZE)
public final class HeavyBaseImage implements DockerfileRule {

  private static final Pattern SUITE =
      Pattern.compile("^(.*?)-?(bookworm|bullseye|buster|trixie|jammy|noble|focal)$");

  @Override
  public void check(RuleContext ctx) {
    List<Stage> chain = FinalImage.stages(ctx.model());
    Optional<ImageReference> base = FinalImage.baseImage(chain);
    if (base.isEmpty() || base.get().hasDigest() && base.get().tag().isEmpty()) {
      return;
    }
    ImageReference ref = base.get();
    String tag = ref.tag().orElse("latest");
    if (tag.contains("windowsservercore") || tag.contains("nanoserver") || tag.contains("$")) {
      return;
    }
    Optional<String> suggestion = suggest(ref, tag);
    if (suggestion.isEmpty() && FinalImage.toolchain(ref).isPresent() && !compiles(chain, ctx)) {
      // a compiler image that compiles nothing here (ST2001 covers the case where it does)
      ctx.report(
          chain.get(0).from().image().orElseThrow().span(),
          ref.familiarString()
              + " carries a whole "
              + FinalImage.toolchain(ref).get()
              + " toolchain but nothing in the final image compiles: run the program on "
              + FinalImage.runtimeFor(ref));
      return;
    }
    suggestion.ifPresent(
        s ->
            ctx.report(
                chain.get(0).from().image().orElseThrow().span(),
                "The final image is built on "
                    + ref.familiarString()
                    + ", the full variant; "
                    + s
                    + " holds the same runtime in a fraction of the size: switch to it and install"
                    + " only the packages the application needs"));
  }

  private static boolean compiles(List<Stage> chain, RuleContext ctx) {
    for (Instruction.Run run : FinalImage.runs(chain)) {
      Optional<ShellScript> s = ctx.shell(run);
      if (s.isPresent() && s.get().commands().stream().anyMatch(FinalImage::compiles)) {
        return true;
      }
    }
    return false;
  }

  /** The slim variant of the same image and version, if the official image has one. */
  static Optional<String> suggest(ImageReference ref, String tag) {
    if (!ref.isOfficialImage()) {
      return Optional.empty();
    }
    String name = FinalImage.shortName(ref);
    String t = tag.equals("latest") ? "" : tag;
    if (t.contains("slim") || t.contains("alpine")) {
      return Optional.empty();
    }
    return switch (name) {
      case "python", "ruby", "perl" -> Optional.of(name + ":" + slimBeforeSuite(t));
      case "node" -> Optional.of(name + ":" + (t.isEmpty() ? "slim" : t + "-slim") + " (or -alpine)");
      case "debian" ->
          t.isEmpty() || t.equals("stable") || t.equals("testing") || t.equals("unstable") || t.equals("sid")
              ? Optional.of("debian:" + (t.isEmpty() ? "stable" : t) + "-slim")
              : t.matches("[a-z]+|\\d+(\\.\\d+)?|[a-z]+-\\d{8}") ? Optional.of("debian:" + t + "-slim") : Optional.empty();
      case "openjdk" ->
          t.contains("jre") ? Optional.empty() : Optional.of("eclipse-temurin:" + major(t, "21") + "-jre");
      case "eclipse-temurin" -> t.contains("jre") ? Optional.empty() : Optional.of("eclipse-temurin:" + jre(t));
      default -> Optional.empty();
    };
  }

  /** python:3.12 → 3.12-slim, 3.12-bookworm → 3.12-slim-bookworm, bookworm → slim-bookworm. */
  private static String slimBeforeSuite(String t) {
    if (t.isEmpty()) {
      return "slim";
    }
    Matcher m = SUITE.matcher(t);
    if (m.matches()) {
      return m.group(1).isEmpty() ? "slim-" + m.group(2) : m.group(1) + "-slim-" + m.group(2);
    }
    return t + "-slim";
  }

  private static String major(String tag, String fallback) {
    Matcher m = Pattern.compile("^(\\d+)").matcher(tag);
    return m.find() ? m.group(1) : fallback;
  }

  /** 21 → 21-jre, 21-jdk-jammy → 21-jre-jammy, 21-jammy → 21-jre-jammy. */
  private static String jre(String t) {
    if (t.contains("jdk")) {
      return t.replaceFirst("jdk", "jre");
    }
    if (t.isEmpty()) {
      return "21-jre";
    }
    Matcher m = Pattern.compile("^([\\d._]+)(-.*)?$").matcher(t);
    if (m.matches()) {
      return m.group(1) + "-jre" + (m.group(2) == null ? "" : m.group(2));
    }
    return "jre-" + t;
  }
}
