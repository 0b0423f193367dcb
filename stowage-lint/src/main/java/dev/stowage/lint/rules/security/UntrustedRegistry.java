package dev.stowage.lint.rules.security;

import dev.stowage.dockerfile.ImageReference;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Mount;
import dev.stowage.dockerfile.Span;
import dev.stowage.dockerfile.model.Base;
import dev.stowage.dockerfile.model.Scope;
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
 * Images from registries outside the allowed list bypass the organisation's scanning, mirroring and
 * provenance controls. Checks FROM, {@code COPY --from} and {@code RUN --mount=from=} image
 * references; silent while {@code trustedRegistries} is empty. Entries match the registry host
 * exactly, or with a leading or trailing {@code *} as a suffix or prefix pattern; Docker Hub images
 * (such as {@code debian}) are on {@code docker.io}, also allowed by {@code hub.docker.com} or
 * {@code index.docker.io}.
 */
@Rule(
    id = "DL3026",
    title = "Use only an allowed registry in the FROM image",
    severity = Severity.ERROR,
    category = Category.SECURITY)
public final class UntrustedRegistry implements DockerfileRule {
  private static final List<String> DOCKER_HUB_NAMES =
      List.of(
          ImageReference.DOCKER_HUB, "hub.docker.com", "index.docker.io", "registry-1.docker.io");

  @Override
  public void check(RuleContext ctx) {
    List<String> allowed = ctx.options().trustedRegistries();
    if (allowed.isEmpty()) {
      return;
    }
    for (Stage stage : ctx.model().stages()) {
      if (stage.base() instanceof Base.Image img && !isAllowed(img.reference(), allowed)) {
        Span at = stage.from().image().orElseThrow().span();
        report(ctx, at, img.reference(), "FROM " + img.name());
      }
      for (Instruction ins : stage.instructions()) {
        Scope scope = ctx.scopeBefore(ins);
        switch (ins) {
          case Instruction.Copy copy ->
              copy.flag("from")
                  .ifPresent(
                      f ->
                          image(f.valueOrEmpty(), scope, ctx)
                              .filter(r -> !isAllowed(r, allowed))
                              .ifPresent(
                                  r ->
                                      report(ctx, f.span(), r, "COPY --from=" + f.valueOrEmpty())));
          case Instruction.Run run -> {
            for (var f : run.syntax().flags("mount")) {
              Mount m = Mount.parse(f.valueOrEmpty());
              m.from()
                  .flatMap(v -> image(v, scope, ctx))
                  .filter(r -> !isAllowed(r, allowed))
                  .ifPresent(r -> report(ctx, f.span(), r, "RUN --mount=from=" + m.from().get()));
            }
          }
          default -> {}
        }
      }
    }
  }

  private static void report(RuleContext ctx, Span at, ImageReference ref, String where) {
    ctx.report(
        at,
        where
            + " pulls from registry "
            + ref.registry()
            + ", which is not in the trusted registries; use an image from an allowed registry");
  }

  /** The image a {@code --from} value names, when it is neither a stage nor unresolved. */
  private static Optional<ImageReference> image(String raw, Scope scope, RuleContext ctx) {
    String value = scope.expandOrRaw(raw);
    if (value.isEmpty()
        || value.contains("$")
        || ctx.model().stage(value).isPresent()
        || ImageReference.isScratch(value)) {
      return Optional.empty();
    }
    return ImageReference.tryParse(value);
  }

  static boolean isAllowed(ImageReference ref, List<String> allowed) {
    String registry = ref.registry().toLowerCase(Locale.ROOT);
    for (String entry : allowed) {
      String a = entry.strip().toLowerCase(Locale.ROOT);
      if (ref.isDockerHub() && DOCKER_HUB_NAMES.contains(a)) {
        return true;
      }
      if (a.equals("*")
          || a.equals(registry)
          || (a.startsWith("*") && registry.endsWith(a.substring(1)))
          || (a.endsWith("*") && registry.startsWith(a.substring(0, a.length() - 1)))) {
        return true;
      }
    }
    return false;
  }
}
