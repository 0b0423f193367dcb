package dev.stowage.lint.rules.security;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.lexer.Expansion;
import dev.stowage.dockerfile.lexer.ExpansionException;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.Locale;

/**
 * A user name is resolved through the image's {@code /etc/passwd}; the host and orchestrators
 * (Kubernetes' {@code runAsNonRoot}) only see numbers, so they cannot tell whether {@code USER
 * app} is root. Variables are expanded first; a user that comes from an unset build argument is
 * not reported.
 */
@Rule(
    id = "DL3066",
    title = "Non-numeric user-id may not be resolvable by host system",
    severity = Severity.INFO,
    category = Category.SECURITY)
public final class NonNumericUser implements InstructionRule<Instruction.User> {
  @Override
  public Class<Instruction.User> type() {
    return Instruction.User.class;
  }

  /** A stage on a Windows base image, or whose SHELL is cmd or PowerShell. */
  private static boolean isWindows(RuleContext ctx) {
    return ctx.stage()
        .map(
            s ->
                s.base().name().toLowerCase(Locale.ROOT).matches(".*(windows|nanoserver|servercore).*")
                    || s.instructions(Instruction.Shell.class).stream()
                        .anyMatch(
                            sh ->
                                !sh.execArgs().isEmpty()
                                    && sh.execArgs().get(0).toLowerCase(Locale.ROOT).matches(".*(cmd|powershell|pwsh)(\\.exe)?")))
        .orElse(false);
  }

  @Override
  public void check(Instruction.User user, RuleContext ctx) {
    if (user.args().isEmpty() || isWindows(ctx)) {
      return; // Windows has no numeric user ids
    }
    String resolved;
    try {
      Expansion e = ctx.scope().expandWithMatches(user.args().get(0).value());
      if (!e.unmatched().isEmpty()) {
        return;
      }
      resolved = e.result();
    } catch (ExpansionException e) {
      return;
    }
    String uid = resolved.split(":", 2)[0];
    if (!uid.isEmpty() && !uid.chars().allMatch(Character::isDigit)) {
      ctx.report(
          user.args().get(0).span(),
          "USER " + uid + " is a name the host cannot resolve; use its numeric id (for example USER 10001).");
    }
  }
}
