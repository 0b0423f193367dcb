package dev.stowage.lint.rules.correctness;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.InstructionNode;
import dev.stowage.lint.Category;
import dev.stowage.lint.InstructionRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.Optional;
import java.util.Set;

/** ONBUILD cannot register ONBUILD, FROM or MAINTAINER: builds of child images fail. */
@Rule(
    id = "DL3043",
    title = "`ONBUILD`, `FROM` or `MAINTAINER` triggered from within `ONBUILD` instruction",
    severity = Severity.ERROR,
    category = Category.CORRECTNESS)
public final class InvalidOnbuildTrigger implements InstructionRule<Instruction.Onbuild> {
  private static final Set<String> FORBIDDEN = Set.of("ONBUILD", "FROM", "MAINTAINER");

  @Override
  public Class<Instruction.Onbuild> type() {
    return Instruction.Onbuild.class;
  }

  @Override
  public void check(Instruction.Onbuild onbuild, RuleContext ctx) {
    if (ctx.inOnbuild()) {
      return; // the outer ONBUILD is reported
    }
    Optional<InstructionNode> trigger = onbuild.syntax().child();
    if (trigger.isPresent() && FORBIDDEN.contains(trigger.get().name())) {
      ctx.report(
          trigger.get().span(),
          "ONBUILD cannot register "
              + trigger.get().name()
              + ": child images would fail to build; remove it from the ONBUILD");
    }
  }
}
