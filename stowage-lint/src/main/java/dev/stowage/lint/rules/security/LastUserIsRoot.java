package dev.stowage.lint.rules.security;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.lexer.Expansion;
import dev.stowage.dockerfile.lexer.ExpansionException;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.lint.Category;
import dev.stowage.lint.DockerfileRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import dev.stowage.lint.rules.Stages;
import java.util.List;
import java.util.Optional;

/**
 * When the image's last USER is root, its processes run as root: a compromised process then owns
 * the container and any host resource mounted into it.
 */
@Rule(
    id = "DL3002",
    title = "Last USER should not be root",
    severity = Severity.WARNING,
    category = Category.SECURITY)
public final class LastUserIsRoot implements DockerfileRule {
  @Override
  public void check(RuleContext ctx) {
    Optional<Stage> target = ctx.model().target();
    if (target.isEmpty()) {
      return;
    }
    // the image's user is the last USER of the target stage, or of the stage it is built on
    List<Stage> lineage = Stages.lineage(ctx.model(), target.get());
    for (int i = lineage.size() - 1; i >= 0; i--) {
      List<Instruction.User> users = lineage.get(i).instructions(Instruction.User.class);
      if (users.isEmpty()) {
        continue;
      }
      Instruction.User last = users.get(users.size() - 1);
      if (!last.args().isEmpty()) {
        String raw = last.args().get(0).value();
        resolve(raw, last, ctx)
            .filter(LastUserIsRoot::isRoot)
            .ifPresent(
                u ->
                    ctx.report(
                        last.args().get(0).span(),
                        "The image runs as '"
                            + u
                            + "' (root); switch to an unprivileged USER"
                            + " after the steps that need root"));
      }
      return;
    }
  }

  private static Optional<String> resolve(String raw, Instruction.User user, RuleContext ctx) {
    try {
      Expansion e = ctx.scopeBefore(user).expandWithMatches(raw);
      return e.unmatched().isEmpty() ? Optional.of(e.result()) : Optional.empty();
    } catch (ExpansionException e) {
      return Optional.empty();
    }
  }

  static boolean isRoot(String user) {
    String name = user.split(":", 2)[0];
    return name.equals("root") || name.equals("0");
  }
}
