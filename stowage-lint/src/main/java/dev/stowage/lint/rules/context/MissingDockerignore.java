package dev.stowage.lint.rules.context;

import dev.stowage.context.ContextScan.NotableItem;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.lint.Category;
import dev.stowage.lint.DockerfileRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import dev.stowage.lint.rules.context.ContextSources.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The context has no {@code .dockerignore}, and a COPY or ADD sends VCS metadata, dependency
 * folders, build outputs, virtualenvs, caches or large files into the build. Runs only when the
 * build context is known.
 */
@Rule(
    id = "ST5001",
    title = "No .dockerignore while the context holds bulky or volatile items",
    severity = Severity.WARNING,
    category = Category.CONTEXT)
public final class MissingDockerignore implements DockerfileRule {
  @Override
  public void check(RuleContext ctx) {
    Optional<Context> context = ContextSources.load(ctx);
    if (context.isEmpty() || context.get().ignore().isPresent()) {
      return;
    }
    for (Map.Entry<Instruction.FileTransfer, List<NotableItem>> e :
        ContextItems.copiedItems(ctx, context.get()).entrySet()) {
      ctx.report(
          e.getKey().sources().get(0).span(),
          "There is no .dockerignore, so "
              + e.getKey().name()
              + " sends "
              + ContextItems.describe(e.getValue())
              + " into the build, slowing every upload and busting the cache; create a"
              + " .dockerignore listing "
              + ContextItems.patterns(e.getValue()));
    }
  }
}
