package dev.stowage.lint.rules.portability;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Span;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.dockerfile.shell.Assignment;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A download names one CPU architecture ({@code linux-amd64.tar.gz}) or {@code GOARCH=amd64} is
 * fixed, so a build for another platform silently gets a binary that cannot run. Scripts that
 * detect the architecture ({@code $TARGETARCH}, {@code dpkg --print-architecture}, {@code uname
 * -m}, a {@code case} over it) and stages pinned to one platform are left alone.
 */
@Rule(
    id = "ST4001",
    title = "Hard-coded CPU architecture",
    severity = Severity.WARNING,
    category = Category.CORRECTNESS)
public final class HardcodedArchitecture implements InstructionRule<Instruction> {
  private static final Pattern ARCH =
      Pattern.compile("(?<![A-Za-z0-9])(amd64|x86_64|x86-64|x64|aarch64|arm64)(?![A-Za-z0-9])");
  private static final Pattern DETECTS_ARCH =
      Pattern.compile(
          "TARGETARCH|TARGETPLATFORM|TARGETVARIANT|BUILDARCH|BUILDPLATFORM|--print-architecture|--print-arch"
              + "|uname\\s+-[a-z]*[mp]|\\$\\(arch\\)|`arch`|\\bdpkgArch\\b|\\bapkArch\\b|\\barch=|\\bARCH\\b|_arch\\}");
  private static final Set<String> DOWNLOADERS = Set.of("curl", "wget", "aria2c", "fetch");

  @Override
  public Class<Instruction> type() {
    return Instruction.class;
  }

  @Override
  public void check(Instruction ins, RuleContext ctx) {
    if (pinnedPlatform(ctx)) {
      return;
    }
    switch (ins) {
      case Instruction.Run run -> checkRun(run, ctx);
      case Instruction.Add add -> {
        for (var w : add.sources()) {
          String src = ctx.scope().expandOrRaw(w.value());
          Matcher m = ARCH.matcher(src);
          if (src.contains("://") && m.find() && !usesArchVariable(w.value())) {
            ctx.report(w.span(), message(src, m.group(1)));
          }
        }
      }
      case Instruction.Env env -> {
        for (Instruction.KeyValue kv : env.pairs()) {
          if (kv.key().equals("GOARCH")
              && kv.value().map(v -> ARCH.matcher(v).find()).orElse(false)) {
            ctx.report(kv.span(), goarch(kv.value().get()));
          }
        }
      }
      default -> {}
    }
  }

  private static void checkRun(Instruction.Run run, RuleContext ctx) {
    Optional<ShellScript> script = ctx.shell(run);
    if (script.isEmpty() || !mentionsArchitecture(script.get().source())) {
      return;
    }
    // Findings wait for the script-wide test below, which is the costly part: most scripts that
    // mention 64 have nothing to report, and then that test is not needed at all.
    List<Span> spans = new ArrayList<>();
    List<String> messages = new ArrayList<>();
    for (Command c : script.get().commands()) {
      for (Assignment a : c.assignments()) {
        if (a.name().equals("GOARCH") && ARCH.matcher(a.value().raw()).find()) {
          spans.add(ctx.shellSpan(run, c.offset(), c.endOffset()));
          messages.add(goarch(a.value().raw()));
        }
      }
      if (c.is("export")) {
        for (var w : c.args()) {
          if (w.raw().startsWith("GOARCH=") && ARCH.matcher(w.raw()).find()) {
            spans.add(ctx.shellSpan(run, w.offset(), w.endOffset()));
            messages.add(goarch(w.raw().substring(7)));
          }
        }
      }
      String program = c.name().substring(c.name().lastIndexOf('/') + 1);
      boolean download = DOWNLOADERS.contains(program);
      boolean install = c.is("dpkg") && c.hasFlag("-i", "--install");
      if (!download && !install) {
        continue;
      }
      for (var w : c.args()) {
        String text = w.raw();
        Matcher m = ARCH.matcher(text);
        if ((!download || text.contains("://")) && m.find()) {
          spans.add(ctx.shellSpan(run, w.offset(), w.endOffset()));
          messages.add(message(text, m.group(1)));
          break;
        }
      }
    }
    if (spans.isEmpty() || DETECTS_ARCH.matcher(script.get().source()).find()) {
      return; // the script picks the architecture itself
    }
    for (int i = 0; i < spans.size(); i++) {
      ctx.report(spans.get(i), messages.get(i));
    }
  }

  /** A cheap test before the regular expressions: most RUNs name no architecture at all. */
  private static boolean mentionsArchitecture(String text) {
    return text.contains("64") || text.contains("x86");
  }

  private static boolean usesArchVariable(String raw) {
    return DETECTS_ARCH.matcher(raw).find();
  }

  /** A stage built for one literal platform ({@code FROM --platform=linux/amd64}) means it. */
  private static boolean pinnedPlatform(RuleContext ctx) {
    Optional<Stage> stage = ctx.stage();
    return stage.isPresent()
        && stage.get().from().platform().filter(p -> !p.contains("$")).isPresent();
  }

  private static String message(String what, String arch) {
    String other = arch.toLowerCase(Locale.ROOT).matches("aarch64|arm64") ? "amd64" : "arm64";
    return what
        + " hard-codes the "
        + arch
        + " architecture, so a build for "
        + other
        + " gets a binary that"
        + " cannot run; declare ARG TARGETARCH and use ${TARGETARCH} (or map it) instead";
  }

  private static String goarch(String value) {
    return "GOARCH="
        + value
        + " fixes the target architecture; use ARG TARGETARCH and GOARCH=${TARGETARCH} so"
        + " multi-platform builds cross-compile correctly";
  }
}
