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
 * A {@code .dockerignore} exists but lets VCS metadata, dependency folders, build outputs,
 * virtualenvs, caches or large files through to a COPY or ADD that takes them. Runs only when the
 * build context is known.
 */
@Rule(
    id = "ST5002",
    title = ".dockerignore does not exclude bulky or volatile items",
    severity = Severity.WARNING,
    category = Category.CONTEXT)
public final class DockerignoreMissesItems implements DockerfileRule {
  @Override
  public void check(RuleContext ctx) {
    Optional<Context> context = ContextSources.load(ctx);
    if (context.isEmpty() || context.get().ignore().isEmpty()) {
      return;
    }
    for (Map.Entry<Instruction.FileTransfer, List<NotableItem>> e :
        ContextItems.copiedItems(ctx, context.get()).entrySet()) {
      ctx.report(
          e.getKey().sources().get(0).span(),
          ".dockerignore does not exclude "
              + ContextItems.describe(e.getValue())
              + ", which "
              + e.getKey().name()
              + " sends into the build; add "
              + ContextItems.patterns(e.getValue())
              + " to .dockerignore");
    }
  }
}
