package dev.stowage.lint.format;

import dev.stowage.lint.Category;
import dev.stowage.lint.Linter;
import dev.stowage.lint.RuleMeta;
import dev.stowage.lint.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What output says about a rule id: its name, title, default severity and documentation link, from
 * the rule catalog, with generic descriptions for ids outside it. Immutable.
 */
public final class RuleDocs {
  /** Where the rule pages ({@code docs/rules/ID.md}) are published; a page is this plus ID.md. */
  public static final String DOCS_URL =
      "https://github.com/stowage-dev/stowage/blob/main/docs/rules/";

  /** The project's home, named as the tool's information URI in SARIF. */
  public static final String PROJECT_URL = "https://github.com/stowage-dev/stowage";

  private static final String SHELLCHECK_WIKI = "https://www.shellcheck.net/wiki/";

  /**
   * One rule as output describes it.
   *
   * @param name a PascalCase name (the rule's class name), for SARIF's {@code name}
   * @param link the documentation page; empty for ids without one (DL1000)
   */
  public record Info(
      String id,
      String name,
      String title,
      Severity severity,
      Category category,
      boolean fixable,
      Optional<String> link) {}

  private final Map<String, Info> catalog;

  private RuleDocs(Map<String, Info> catalog) {
    this.catalog = Map.copyOf(catalog);
  }

  /** Descriptions of the rules of {@code rules}. */
  public static RuleDocs of(List<RuleMeta> rules) {
    Map<String, Info> byId = new LinkedHashMap<>();
    for (RuleMeta m : rules) {
      byId.put(
          m.id(),
          new Info(
              m.id(),
              m.rule().getClass().getSimpleName(),
              m.title(),
              m.severity(),
              m.category(),
              m.fixable(),
              Optional.of(url(m.id()))));
    }
    return new RuleDocs(byId);
  }

  /** The documentation URL of a catalog rule. */
  public static String url(String id) {
    return DOCS_URL + id + ".md";
  }

  /**
   * The description of {@code id}: from the catalog; DL1000 (a syntax error); ShellCheck's {@code
   * SCnnnn} with its wiki page; else a generic warning named after the id.
   */
  public Info info(String id) {
    Info known = catalog.get(id);
    if (known != null) {
      return known;
    }
    if (id.equals(Linter.SYNTAX_RULE)) {
      return new Info(
          id,
          "DockerfileSyntaxError",
          "The Dockerfile cannot be parsed",
          Severity.ERROR,
          Category.CORRECTNESS,
          false,
          Optional.empty());
    }
    if (id.matches("SC\\d{4}")) {
      return new Info(
          id,
          "ShellCheck" + id,
          "ShellCheck " + id + " in a RUN command",
          Severity.WARNING,
          Category.CORRECTNESS,
          false,
          Optional.of(SHELLCHECK_WIKI + id));
    }
    return new Info(id, id, id, Severity.WARNING, Category.CORRECTNESS, false, Optional.empty());
  }
}
