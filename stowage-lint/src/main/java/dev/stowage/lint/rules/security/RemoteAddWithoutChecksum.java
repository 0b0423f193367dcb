package dev.stowage.lint.rules.security;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Word;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import dev.stowage.lint.rules.context.ContextSources;
import java.util.regex.Pattern;

/**
 * ADD fetches a URL or a git ref that can change under the same name, and nothing checks what
 * arrived: {@code --checksum} (HTTP sources; git commits on recent frontends) or a commit pinned in
 * the git URL would.
 */
@Rule(
    id = "ST3004",
    title = "ADD of a remote source without a checksum",
    severity = Severity.WARNING,
    category = Category.SECURITY)
public final class RemoteAddWithoutChecksum implements InstructionRule<Instruction.Add> {
  private static final Pattern COMMIT =
      Pattern.compile("#[0-9a-fA-F]{40}([0-9a-fA-F]{24})?(:.*)?$");

  @Override
  public Class<Instruction.Add> type() {
    return Instruction.Add.class;
  }

  @Override
  public void check(Instruction.Add add, RuleContext ctx) {
    if (add.checksum().isPresent()) {
      return;
    }
    for (Word w : add.sources()) {
      String src = ctx.scope().expandOrRaw(w.value());
      if (ContextSources.isGit(src)) {
        if (!COMMIT.matcher(src).find()) {
          ctx.report(
              w.span(),
              "ADD "
                  + src
                  + " follows a branch or tag that can move; pin the commit with #<commit sha> in"
                  + " the URL (or --checksum=<commit sha> on a frontend that supports it)");
        }
      } else if (ContextSources.isRemote(src)) {
        ctx.report(
            w.span(),
            "ADD "
                + src
                + " is not verified; add --checksum=sha256:<digest> so a changed or tampered"
                + " download fails the build");
      }
    }
  }
}
