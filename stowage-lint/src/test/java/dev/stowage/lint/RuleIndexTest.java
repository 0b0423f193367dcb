package dev.stowage.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/rules/README.md is the catalog as the annotations define it; regenerate with
 * -Dstowage.golden.update=true and review the diff.
 */
class RuleIndexTest {
  private static final Path INDEX =
      Path.of("").toAbsolutePath().getParent().resolve("docs/rules/README.md");

  static String render(List<RuleMeta> rules) {
    StringBuilder out = new StringBuilder();
    out.append("# Rules\n\n")
        .append("Every rule Stowage runs, generated from the rules' annotations (")
        .append(rules.size())
        .append(" rules). `stowage lint --list-rules` prints the same catalog. Rules marked")
        .append(" *off* run only when configuration gives them a severity.\n\n")
        .append("| id | severity | category | fix | also known as | title |\n")
        .append("| --- | --- | --- | --- | --- | --- |\n");
    rules.stream()
        .sorted(Comparator.comparing(RuleMeta::id))
        .forEach(
            m ->
                out.append("| [")
                    .append(m.id())
                    .append("](")
                    .append(m.id())
                    .append(".md) | ")
                    .append(m.severity().label())
                    .append(m.enabledByDefault() ? "" : " (off)")
                    .append(" | ")
                    .append(m.category().label())
                    .append(" | ")
                    .append(m.fixable() ? "yes" : "")
                    .append(" | ")
                    .append(String.join(", ", m.aliases()))
                    .append(" | ")
                    .append(m.title().replace("|", "\\|"))
                    .append(" |\n"));
    return out.toString();
  }

  @Test
  void indexMatchesTheCatalog() throws IOException {
    String expected = render(Linter.builtIn().rules());
    if (Boolean.getBoolean("stowage.golden.update")) {
      Files.writeString(INDEX, expected);
    }
    assertThat(INDEX).as("run with -Dstowage.golden.update=true to regenerate").exists();
    assertThat(Files.readString(INDEX)).isEqualTo(expected);
  }
}
