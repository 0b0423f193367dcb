package dev.stowage.lint.rules.buildkit;

import dev.stowage.dockerfile.ImageReference;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Word;
import dev.stowage.dockerfile.lexer.Environment;
import dev.stowage.dockerfile.lexer.ExpansionException;
import dev.stowage.dockerfile.lexer.ShellLexer;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.Optional;

/**
 * A FROM image built from global ARGs that, with their default values (no {@code --build-arg}),
 * gives an empty or invalid image reference, such as {@code FROM alpine:${TAG}} with {@code ARG
 * TAG}: the Dockerfile only builds when the caller passes the argument. Only FROM lines that use
 * variables are checked.
 */
@Rule(
    id = "InvalidDefaultArgInFrom",
    title = "Default value for global ARG results in an empty or invalid base image name",
    severity = Severity.WARNING,
    category = Category.CORRECTNESS)
public final class InvalidDefaultArgInFrom implements InstructionRule<Instruction.From> {
  @Override
  public Class<Instruction.From> type() {
    return Instruction.From.class;
  }

  @Override
  public void check(Instruction.From from, RuleContext ctx) {
    if (ctx.inOnbuild() || from.image().isEmpty() || from.image().get().value().indexOf('$') < 0) {
      return;
    }
    ShellLexer lexer = ShellLexer.of(ctx.dockerfile().directives().escape());
    Optional<Environment> env = GlobalArgs.defaults(ctx.model(), lexer);
    if (env.isEmpty()) {
      return;
    }
    Word image = from.image().get();
    String result;
    try {
      result = lexer.processWord(image.value(), env.get());
    } catch (ExpansionException e) {
      return;
    }
    if (result.isEmpty() || ImageReference.tryParse(result).isEmpty()) {
      ctx.report(
          image.span(),
          "Default value for ARG "
              + image.value()
              + " results in empty or invalid base image name"
              + (result.isEmpty() ? "" : " '" + result + "'")
              + "; give the ARG a default that names an image");
    }
  }
}
