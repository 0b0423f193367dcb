package dev.stowage.lint.rules.size;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.Optional;

/**
 * {@code useradd} writes a sparse {@code /var/log/lastlog} and {@code faillog} sized by the UID;
 * layers store sparse files expanded, so a high UID costs megabytes to gigabytes.
 */
@Rule(
    id = "DL3046",
    title = "`useradd` without flag `-l` and high UID will result in excessively large Image",
    severity = Severity.WARNING,
    category = Category.SIZE)
public final class UseraddHighUidWithoutNoLogInit implements InstructionRule<Instruction.Run> {
  /** hadolint's threshold: a UID of six digits or more. */
  private static final long HIGH_UID = 100_000;

  @Override
  public Class<Instruction.Run> type() {
    return Instruction.Run.class;
  }

  @Override
  public void check(Instruction.Run run, RuleContext ctx) {
    Optional<ShellScript> script = ctx.shell(run);
    if (script.isEmpty()) {
      return;
    }
    for (Command c : script.get().invocations("useradd")) {
      if (c.hasFlag("-l", "--no-log-init")) {
        continue;
      }
      Optional<String> uid = c.flagValue("-u", "--uid").map(ctx.scope()::expandOrRaw);
      if (uid.isPresent() && isHigh(uid.get())) {
        ctx.report(
            ctx.shellSpan(run, c.offset(), c.endOffset()),
            "`useradd -u "
                + uid.get()
                + "` without `-l` writes a lastlog file sized by the UID into the layer; add"
                + " `--no-log-init`");
      }
    }
  }

  private static boolean isHigh(String uid) {
    String u = uid.strip();
    if (u.isEmpty() || u.length() > 18 || !u.chars().allMatch(Character::isDigit)) {
      return false;
    }
    return Long.parseLong(u) >= HIGH_UID;
  }
}
