package dev.stowage.lint.rules.correctness;

import dev.stowage.dockerfile.Word;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.lint.Category;
import dev.stowage.lint.DockerfileRule;
import dev.stowage.lint.Rule;
import dev.stowage.lint.RuleContext;
import dev.stowage.lint.Severity;
import java.util.HashMap;
import java.util.Map;

/**
 * Two stages with one name (compared without case, as BuildKit does): BuildKit refuses the file,
 * and older builders silently used the first for {@code --from} and the last for {@code --target}.
 */
@Rule(
    id = "DL3024",
    title = "FROM aliases (stage names) must be unique",
    severity = Severity.ERROR,
    category = Category.CORRECTNESS,
    aliases = {"DuplicateStageName"})
public final class DuplicateStageName implements DockerfileRule {
  @Override
  public void check(RuleContext ctx) {
    Map<String, Stage> seen = new HashMap<>();
    for (Stage s : ctx.model().stages()) {
      if (s.name().isEmpty()) {
        continue;
      }
      Stage first = seen.putIfAbsent(s.name().get(), s);
      if (first != null) {
        Word name = s.from().stageName().orElseThrow();
        ctx.report(
            name.span(),
            "Stage name "
                + name.value()
                + " is already used by the stage on line "
                + first.line()
                + "; give each stage a unique name");
      }
    }
  }
}
