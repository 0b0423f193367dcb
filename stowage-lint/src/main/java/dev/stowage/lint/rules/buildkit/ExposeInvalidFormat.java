package dev.stowage.lint.rules.buildkit;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.lint.Category;
import dev.stowage.lint.Fix;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;

/**
 * {@code EXPOSE 8080:80} or {@code EXPOSE 127.0.0.1:80:80}: EXPOSE only documents the container's
 * ports; the IP and host port are ignored (only the container port is recorded) and publishing
 * is decided at {@code docker run}. The fix keeps the container port, which records the same
 * image config.
 */
@Rule(
    id = "ExposeInvalidFormat",
    title = "IP address and host-port mapping should not be used in EXPOSE instruction",
    severity = Severity.WARNING,
    category = Category.CORRECTNESS,
    fixable = true)
public final class ExposeInvalidFormat implements InstructionRule<Instruction.Expose> {
  @Override
  public Class<Instruction.Expose> type() {
    return Instruction.Expose.class;
  }

  @Override
  public void check(Instruction.Expose expose, RuleContext ctx) {
    if (ctx.inOnbuild()) {
      return;
    }
    for (PortSpecs.PortSpec p : PortSpecs.of(expose, ctx)) {
      if (p.ip().isEmpty() && p.hostPort().isEmpty()) {
        continue;
      }
      String message =
          "EXPOSE instruction should not define an IP address or host-port mapping, found '"
              + p.raw()
              + "': write '"
              + p.containerPart()
              + "' and publish ports with docker run -p";
      if (p.literal()) {
        ctx.report(p.word().span(), message, Fix.replace(p.word().span(), p.containerPart()));
      } else {
        ctx.report(p.word().span(), message);
      }
    }
  }
}
