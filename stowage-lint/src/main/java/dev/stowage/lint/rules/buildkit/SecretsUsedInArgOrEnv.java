package dev.stowage.lint.rules.buildkit;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An ARG or ENV whose name says it holds a secret ({@code API_KEY}, {@code DB_PASSWORD}, {@code
 * GITHUB_TOKEN}): its value ends up in the image config or history. BuildKit's word list, matched
 * as a whole {@code _}-separated part of the name, case-insensitively; a {@code PUBLIC} part
 * allows it, and so (unlike BuildKit) do {@code GPG} and {@code PGP} parts, which name public
 * key fingerprints such as {@code GPG_KEY} in many official images. As in BuildKit, ARGs before the first FROM (which never reach the image) and ONBUILD
 * triggers are not checked.
 */
@Rule(
    id = "SecretsUsedInArgOrEnv",
    title = "Sensitive data should not be used in the ARG or ENV commands",
    severity = Severity.WARNING,
    category = Category.SECURITY)
public final class SecretsUsedInArgOrEnv implements InstructionRule<Instruction> {
  private static final Pattern DENY =
      Pattern.compile(
          "(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ALLOW = Pattern.compile("(?:_|^)(?:public|gpg|pgp)(?:_|$)", Pattern.CASE_INSENSITIVE);

  @Override
  public Class<Instruction> type() {
    return Instruction.class;
  }

  @Override
  public void check(Instruction ins, RuleContext ctx) {
    if (ctx.inOnbuild() || ctx.stage().isEmpty()) {
      return;
    }
    List<Instruction.KeyValue> pairs =
        switch (ins) {
          case Instruction.Arg a -> a.declarations();
          case Instruction.Env e -> e.pairs();
          default -> List.of();
        };
    for (Instruction.KeyValue kv : pairs) {
      if (isSecretName(kv.key())) {
        ctx.report(
            kv.keySpan(),
            "Do not use ARG or ENV instructions for sensitive data ("
                + ins.name()
                + " \""
                + kv.key()
                + "\"): the value stays in the image; use RUN --mount=type=secret instead");
      }
    }
  }

  static boolean isSecretName(String name) {
    return DENY.matcher(name).find() && !ALLOW.matcher(name).find();
  }
}
