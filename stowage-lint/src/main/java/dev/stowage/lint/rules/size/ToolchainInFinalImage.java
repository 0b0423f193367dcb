package dev.stowage.lint.rules.size;

import dev.stowage.dockerfile.ImageReference;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.PackageInstall;
import dev.stowage.dockerfile.shell.PackageManager;
import dev.stowage.dockerfile.shell.PackageSpec;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.lint.Category;
import dev.stowage.lint.DockerfileRule;
import dev.stowage.lint.Fix;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import dev.stowage.lint.rules.performance.BuildCommands;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The final image compiles the application and keeps the compiler: a toolchain base image (golang,
 * rust, maven, a JDK) or toolchain packages (gcc, build-essential, a JDK) installed and never
 * removed. Only the built program is needed at run time; the toolchain adds hundreds of megabytes
 * to every pull and every vulnerability scan.
 */
@Rule(
    id = "ST2001",
    title = "Compiler toolchain left in the final image",
    severity = Severity.WARNING,
    category = Category.SIZE,
    fixable = true)
public final class ToolchainInFinalImage implements DockerfileRule {

  private static final Set<String> TOOLCHAIN_PACKAGES =
      Set.of(
          "build-essential", "build-base", "alpine-sdk", "gcc", "g++", "gcc-c++", "clang",
          "golang", "golang-go", "go", "default-jdk", "default-jdk-headless", "maven", "gradle",
          "cargo", "rustc", "rust");

  private static final Set<PackageManager> SYSTEM =
      Set.of(PackageManager.APT, PackageManager.APK, PackageManager.DNF, PackageManager.YUM);

  private record Found(Instruction.Run run, Command command) {}

  @Override
  public void check(RuleContext ctx) {
    List<Stage> chain = FinalImage.stages(ctx.model());
    Optional<Found> build = Optional.empty();
    for (Instruction.Run run : FinalImage.runs(chain)) {
      Optional<ShellScript> s = ctx.shell(run);
      if (s.isPresent() && build.isEmpty()) {
        build =
            s.get().commands().stream()
                .filter(FinalImage::compiles)
                .findFirst()
                .map(c -> new Found(run, c));
      }
    }
    if (build.isEmpty()) {
      return;
    }
    String built = "`" + shorten(build.get().command().raw()) + "` (line " + build.get().run().line() + ")";
    Optional<ImageReference> base = FinalImage.baseImage(chain);
    Optional<String> toolchain = base.flatMap(FinalImage::toolchain);
    if (toolchain.isPresent()) {
      String message =
          "The final image is built on "
              + base.get().familiarString()
              + ", a "
              + toolchain.get()
              + " toolchain of hundreds of megabytes, only to run "
              + built
              + ": compile in a build stage and COPY the result into "
              + FinalImage.runtimeFor(base.get());
      dev.stowage.dockerfile.Span span = chain.get(0).from().image().orElseThrow().span();
      Optional<Fix> fix = StageSplitFix.of(ctx, base.get());
      if (fix.isPresent()) {
        ctx.report(span, message, fix.get());
      } else {
        ctx.report(span, message);
      }
      return;
    }
    for (Instruction.Run run : FinalImage.runs(chain)) {
      Optional<ShellScript> s = ctx.shell(run);
      if (s.isEmpty()) {
        continue;
      }
      for (PackageInstall install : s.get().packageInstalls()) {
        if (!SYSTEM.contains(install.manager())) {
          continue;
        }
        for (PackageSpec p : install.packages()) {
          if (isToolchain(p.name()) && !removedAfter(s.get(), install, p.name())) {
            ctx.report(
                ctx.shellSpan(run, p.word().offset(), p.word().endOffset()),
                "Package "
                    + p.name()
                    + " is installed to run "
                    + built
                    + " and stays in the final image: remove it in the same RUN that uses it"
                    + " (apt-get purge, apk del) or compile in a build stage and COPY the result");
            return;
          }
        }
      }
    }
  }

  private static boolean isToolchain(String name) {
    // every JDK package name the pattern accepts contains "openjdk": test that first
    return TOOLCHAIN_PACKAGES.contains(name)
        || (name.contains("openjdk") && JDK_PACKAGE.matcher(name).matches());
  }

  private static final java.util.regex.Pattern JDK_PACKAGE =
      java.util.regex.Pattern.compile(
          "openjdk-\\d+-jdk(-headless)?|java-[\\d.]+-openjdk-devel|openjdk\\d+(-jdk)?");

  /** Whether the same script removes the package (or its virtual group, or all auto packages). */
  static boolean removedAfter(ShellScript script, PackageInstall install, String name) {
    Optional<String> virtual = install.arguments().flagValue("--virtual", "-t");
    boolean aptMarkAuto = false;
    for (Command c : script.commandsAfter(install.command())) {
      String p = BuildCommands.program(c);
      List<String> pos = BuildCommands.positional(c);
      String sub = pos.isEmpty() ? "" : pos.get(0);
      List<String> rest = pos.isEmpty() ? List.of() : pos.subList(1, pos.size());
      switch (p) {
        case "apt-mark" -> aptMarkAuto |= sub.equals("auto");
        case "apt-get", "apt" -> {
          if (Set.of("purge", "remove", "autoremove").contains(sub)) {
            if (rest.contains(name)
                || (aptMarkAuto
                    && (sub.equals("autoremove") || BuildCommands.hasFlag(c, "--auto-remove", "--autoremove")))) {
              return true;
            }
          }
        }
        case "apk" -> {
          if (sub.equals("del") && (rest.contains(name) || virtual.filter(rest::contains).isPresent())) {
            return true;
          }
        }
        case "dnf", "yum", "microdnf" -> {
          if (Set.of("remove", "erase", "autoremove").contains(sub) && rest.contains(name)) {
            return true;
          }
          if (sub.equals("history") && rest.contains("undo")) {
            return true;
          }
        }
        default -> {}
      }
    }
    return false;
  }

  static String shorten(String text) {
    StringBuilder t = new StringBuilder(51);
    boolean space = false;
    for (int i = 0; i < text.length() && t.length() <= 50; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        space = t.length() > 0;
      } else {
        if (space) {
          t.append(' ');
          space = false;
        }
        t.append(c);
      }
    }
    return t.length() <= 50 ? t.toString() : t.substring(0, 47) + "...";
  }
}
