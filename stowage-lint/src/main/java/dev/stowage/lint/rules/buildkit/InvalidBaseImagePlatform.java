package dev.stowage.lint.rules.buildkit;

import dev.stowage.dockerfile.Word;
import dev.stowage.dockerfile.model.Base;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.lint.Category;
import dev.stowage.lint.DockerfileRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A stage's base image does not exist for the platform the stage is built for: the build then
 * runs (or fails to run) binaries of another architecture, under emulation at best. The expected
 * platform is the stage's expanded {@code FROM --platform}, else the build's target platform. Only
 * reported when the image's platforms are known ({@code --resolve-images}); stages whose platform
 * still holds an unresolved variable, or expands to nothing, are skipped.
 */
@Rule(
    id = "InvalidBaseImagePlatform",
    title = "Base image platform does not match the expected target platform",
    severity = Severity.WARNING,
    category = Category.CORRECTNESS)
public final class InvalidBaseImagePlatform implements DockerfileRule {
  @Override
  public void check(RuleContext ctx) {
    for (Stage stage : ctx.model().stages()) {
      if (!(stage.base() instanceof Base.Image image)) {
        continue;
      }
      String expected = stage.platform().orElse(ctx.options().build().targetPlatform());
      if (expected.isBlank() || expected.contains("$")) {
        continue;
      }
      Optional<List<String>> offered = ctx.options().images().platforms(image.reference());
      if (offered.isEmpty() || offered.get().isEmpty()) {
        continue;
      }
      if (offered.get().stream().anyMatch(p -> matches(p, expected))) {
        continue;
      }
      Optional<Word> word = stage.from().image();
      String message =
          "Base image "
              + image.name()
              + " exists for "
              + String.join(", ", offered.get())
              + ", not for "
              + expected
              + " that this stage is built for; use an image (or a multi-platform tag) for "
              + expected
              + ", or build for the image's platform";
      if (word.isPresent()) {
        ctx.report(word.get().span(), message);
      } else {
        ctx.report(stage.from(), message);
      }
    }
  }

  /** Whether an image platform satisfies the wanted one (containerd's normalisation, reduced). */
  static boolean matches(String offered, String wanted) {
    String[] a = normalize(offered);
    String[] b = normalize(wanted);
    return a[0].equals(b[0]) && a[1].equals(b[1]) && (a[2].isEmpty() || b[2].isEmpty() || a[2].equals(b[2]));
  }

  private static String[] normalize(String platform) {
    String[] parts = platform.toLowerCase(Locale.ROOT).split("/", 3);
    String os = parts[0];
    String arch = parts.length > 1 ? parts[1] : "";
    String variant = parts.length > 2 ? parts[2] : "";
    switch (arch) {
      case "x86_64", "x86-64" -> arch = "amd64";
      case "aarch64" -> arch = "arm64";
      case "armhf" -> {
        arch = "arm";
        variant = variant.isEmpty() ? "v7" : variant;
      }
      case "armel" -> {
        arch = "arm";
        variant = variant.isEmpty() ? "v6" : variant;
      }
      default -> {}
    }
    if (arch.equals("arm64") && variant.equals("v8")) {
      variant = "";
    }
    if (arch.equals("arm") && variant.isEmpty()) {
      variant = "v7";
    }
    return new String[] {os, arch, variant};
  }
}
