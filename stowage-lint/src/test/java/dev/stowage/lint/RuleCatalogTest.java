package dev.stowage.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The catalog is complete and consistent: ids, registration, tests and doc pages. */
class RuleCatalogTest {
  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path DOCS = MODULE.getParent().resolve("docs/rules");

  @Test
  void idsAreUniqueAndWellFormed() {
    Set<String> ids = new HashSet<>();
    for (RuleMeta m : Linter.builtIn().rules()) {
      assertThat(m.id()).matches("DL[1-4]\\d{3}|ST[1-5]\\d{3}|[A-Z][A-Za-z]+");
      assertThat(ids.add(m.id())).as("unique id %s", m.id()).isTrue();
      assertThat(m.title()).isNotBlank();
    }
    // An alias may name several rules (BuildKit's MultipleInstructionsDisallowed covers hadolint's
    // DL3012, DL4003 and DL4004), but never another rule's id.
    for (RuleMeta m : Linter.builtIn().rules()) {
      for (String a : m.aliases()) {
        assertThat(ids).as("alias %s of %s is not an id", a, m.id()).doesNotContain(a);
      }
    }
  }

  @Test
  void everyRuleClassIsRegisteredTestedAndDocumented() throws IOException {
    Path src = MODULE.resolve("src/main/java/dev/stowage/lint/rules");
    Path tests = MODULE.resolve("src/test/java/dev/stowage/lint/rules");
    Set<String> registered = new HashSet<>();
    for (LintRule r : BuiltInRules.all()) {
      registered.add(r.getClass().getSimpleName());
    }
    List<Path> classes;
    try (Stream<Path> s = Files.walk(src)) {
      classes = s.filter(p -> p.toString().endsWith(".java")).toList();
    }
    int rules = 0;
    for (Path c : classes) {
      String text = Files.readString(c);
      if (!text.contains("@Rule(")) {
        continue;
      }
      rules++;
      String name = c.getFileName().toString().replace(".java", "");
      assertThat(registered).as("%s is listed in BuiltInRules", name).contains(name);
      Path test = tests.resolve(src.relativize(c)).resolveSibling(name + "Test.java");
      assertThat(test).as("%s has a test class", name).exists();
    }
    assertThat(rules).isEqualTo(registered.size());
    for (RuleMeta m : Linter.builtIn().rules()) {
      Path doc = DOCS.resolve(m.id() + ".md");
      assertThat(doc).as("doc page for %s", m.id()).exists();
      String text = Files.readString(doc);
      assertThat(text).as("%s doc has a bad example", m.id()).contains("## Bad");
      assertThat(text).as("%s doc has a good example", m.id()).contains("## Good");
      if (m.fixable()) {
        assertThat(text).as("%s doc explains the fix", m.id()).contains("## Fix");
      }
    }
  }

  @Test
  void fixableExactlyWhenAFixTestExists() throws IOException {
    Path tests = MODULE.resolve("src/test/java/dev/stowage/lint/rules");
    for (RuleMeta m : Linter.builtIn().rules()) {
      String name = m.rule().getClass().getSimpleName();
      Path test;
      try (Stream<Path> s = Files.walk(tests)) {
        test = s.filter(p -> p.getFileName().toString().equals(name + "Test.java")).findFirst().orElseThrow();
      }
      boolean hasFixTest = Files.readString(test).contains("tester.fixes(");
      assertThat(hasFixTest).as("%s fixable=%s matches its fix tests", m.id(), m.fixable()).isEqualTo(m.fixable());
    }
  }
}
