package dev.stowage.lint.rules.buildkit;

import dev.stowage.dockerfile.Flag;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.lexer.Expansion;
import dev.stowage.dockerfile.lexer.ExpansionException;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code FROM --platform=linux/amd64 image}: a constant platform pins the stage to one
 * architecture, so multi-platform builds silently produce that architecture (or emulate it).
 * As in BuildKit, a stage whose name contains the platform's OS or architecture (for example
 * {@code build-amd64}) is taken as deliberate.
 */
@Rule(
    id = "FromPlatformFlagConstDisallowed",
    title = "FROM --platform flag should not use a constant value",
    severity = Severity.WARNING,
    category = Category.CORRECTNESS)
public final class FromPlatformFlagConstDisallowed implements InstructionRule<Instruction.From> {
  private static final Pattern PART = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Set<String> OSES =
      Set.of(
          "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js",
          "linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "windows", "zos", "wasip1");

  @Override
  public Class<Instruction.From> type() {
    return Instruction.From.class;
  }

  @Override
  public void check(Instruction.From from, RuleContext ctx) {
    if (ctx.inOnbuild() || from.flag("platform").isEmpty()) {
      return;
    }
    Flag flag = from.flag("platform").get();
    Expansion e;
    try {
      e = ctx.model().globalScope().expandWithMatches(flag.valueOrEmpty());
    } catch (ExpansionException ex) {
      return;
    }
    if (!e.matched().isEmpty() || !e.unmatched().isEmpty()) {
      return;
    }
    Optional<String[]> p = parse(e.result());
    if (p.isEmpty()) {
      return;
    }
    String stage = from.stageName().map(w -> w.value().toLowerCase(Locale.ROOT)).orElse("");
    if (stage.contains(p.get()[0]) || stage.contains(p.get()[1])) {
      return;
    }
    ctx.report(
        flag.span(),
        "FROM --platform flag should not use constant value \""
            + e.result()
            + "\"; use $BUILDPLATFORM or $TARGETPLATFORM, or name the stage after the platform");
  }

  /** containerd's platform parsing, reduced to OS and normalized architecture. */
  static Optional<String[]> parse(String platform) {
    String[] parts = platform.split("/", -1);
    if (parts.length > 3) {
      return Optional.empty();
    }
    for (String part : parts) {
      if (!PART.matcher(part).matches()) {
        return Optional.empty();
      }
    }
    String first = parts[0].toLowerCase(Locale.ROOT);
    if (parts.length == 1) {
      return OSES.contains(first)
          ? Optional.of(new String[] {first, "amd64"})
          : Optional.of(new String[] {"linux", arch(first)});
    }
    return Optional.of(new String[] {first, arch(parts[1].toLowerCase(Locale.ROOT))});
  }

  private static String arch(String a) {
    return switch (a) {
      case "i386" -> "386";
      case "x86_64", "x86-64", "amd64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      case "armhf", "armel", "arm" -> "arm";
      default -> a;
    };
  }
}
