package dev.stowage.lint.rules.maintainability;

import dev.stowage.dockerfile.Flag;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.lexer.Expansion;
import dev.stowage.dockerfile.lexer.ExpansionException;
import dev.stowage.dockerfile.model.DockerfileModel;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A fixed {@code FROM --platform} forces one architecture for every build: multi-platform builds
 * produce the wrong binaries, and builds on other hosts run under emulation. Values taken from the
 * automatic platform ARGs ({@code $BUILDPLATFORM}, {@code $TARGETPLATFORM}, ...) are the intended
 * use and are not reported.
 */
@Rule(
    id = "DL3029",
    title = "Do not use --platform flag with FROM",
    severity = Severity.WARNING,
    category = Category.MAINTAINABILITY)
public final class FromPlatformFlag implements InstructionRule<Instruction.From> {
  @Override
  public Class<Instruction.From> type() {
    return Instruction.From.class;
  }

  @Override
  public void check(Instruction.From from, RuleContext ctx) {
    Optional<Flag> flag = from.flag("platform");
    if (flag.isEmpty() || flag.get().valueOrEmpty().isEmpty()) {
      return;
    }
    String value = flag.get().valueOrEmpty();
    if (referencesPlatformArg(value, ctx, new HashSet<>())) {
      return;
    }
    ctx.report(
        flag.get().span(),
        "Do not pin FROM to platform "
            + value
            + ": use `--platform=$BUILDPLATFORM` for cross-compiling stages, or drop the flag");
  }

  /**
   * Whether {@code value} refers to an automatic platform ARG, directly or through the default of a
   * global ARG, or to a global ARG without a default (chosen with {@code --build-arg}).
   */
  private static boolean referencesPlatformArg(String value, RuleContext ctx, Set<String> seen) {
    Expansion e;
    try {
      e = ctx.model().globalScope().expandWithMatches(value);
    } catch (ExpansionException ex) {
      return true; // malformed: another rule's business
    }
    Set<String> names = new HashSet<>(e.matched());
    names.addAll(e.unmatched());
    for (String name : names) {
      if (DockerfileModel.PLATFORM_ARGS.contains(name) || !seen.add(name)) {
        return true;
      }
      Optional<String> raw = defaultOf(name, ctx);
      if (raw.isEmpty() || referencesPlatformArg(raw.get(), ctx, seen)) {
        return true;
      }
    }
    return false;
  }

  /** The default of a global ARG as written; empty when declared without one or not declared. */
  private static Optional<String> defaultOf(String name, RuleContext ctx) {
    Optional<String> found = Optional.empty();
    for (Instruction.Arg arg : ctx.model().globalArgs()) {
      for (Instruction.KeyValue kv : arg.declarations()) {
        if (kv.key().equals(name)) {
          found = kv.value();
        }
      }
    }
    return found;
  }
}
