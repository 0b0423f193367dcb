package dev.stowage.lint.rules.security;

import dev.stowage.context.ContextScan;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import dev.stowage.lint.rules.context.ContextSources;
import dev.stowage.lint.rules.context.ContextSources.Context;
import dev.stowage.lint.rules.context.ContextSources.Source;
import java.util.List;
import java.util.Optional;

/**
 * COPY or ADD puts a credentials file ({@code .npmrc}, {@code .env}, a private key, ...) into a
 * layer, by name or because {@code COPY . .} takes one that {@code .dockerignore} lets through.
 */
@Rule(
    id = "ST3002",
    title = "Secret file copied into the image",
    severity = Severity.ERROR,
    category = Category.SECURITY)
public final class SecretFileCopied implements InstructionRule<Instruction.FileTransfer> {
  private static final int NAMED = 3;

  @Override
  public Class<Instruction.FileTransfer> type() {
    return Instruction.FileTransfer.class;
  }

  @Override
  public void check(Instruction.FileTransfer ins, RuleContext ctx) {
    List<Source> sources = ContextSources.localSources(ins, ctx.scope());
    if (sources.isEmpty()) {
      return;
    }
    Optional<Context> context = ctx.inOnbuild() ? Optional.empty() : ContextSources.load(ctx);
    for (Source s : sources) {
      String path = s.path().replaceAll("/+$", "");
      if (isSecretPath(path)) {
        if (context.isPresent() && context.get().excludes(path)) {
          continue; // .dockerignore keeps it out; the COPY fails instead of leaking it
        }
        ctx.report(
            s.word().span(),
            ins.name()
                + " puts the secret-looking file "
                + s.path()
                + " into an image layer that anyone with the image"
                + " can read; mount it only where needed with RUN --mount=type=secret instead");
        continue;
      }
      if (context.isEmpty()) {
        continue;
      }
      List<String> leaked =
          context.get().scan().sentNotable().stream()
              .filter(n -> n.kind() == ContextScan.Kind.SECRET && s.covers(n.path()))
              .map(n -> n.path() + (n.directory() ? "/" : ""))
              .toList();
      if (!leaked.isEmpty()) {
        String names =
            String.join(", ", leaked.subList(0, Math.min(NAMED, leaked.size())))
                + (leaked.size() > NAMED ? " and " + (leaked.size() - NAMED) + " more" : "");
        ctx.report(
            s.word().span(),
            ins.name()
                + " "
                + s.path()
                + " copies secret-looking files from the context into the image ("
                + names
                + "); list them in .dockerignore and pass them with RUN --mount=type=secret");
      }
    }
  }

  /** Whether a source path names a credentials file or folder. */
  static boolean isSecretPath(String path) {
    String[] parts = path.split("/");
    String name = parts[parts.length - 1];
    String parent = parts.length > 1 ? parts[parts.length - 2] : "";
    if (name.isEmpty() || name.equals(".") || name.contains("$")) {
      return false;
    }
    return ContextScan.isSecretFile(name, parent)
        || ContextScan.directoryKind(name).filter(k -> k == ContextScan.Kind.SECRET).isPresent();
  }
}
