package dev.stowage.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DockerIgnoreTest {

  /**
   * One pattern per row (with {@code ;} between lines of a file), a path, and whether it is
   * excluded.
   */
  @ParameterizedTest(name = "[{0}] {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # plain names match themselves and everything under them
          app.log                  | app.log              | true
          app.log                  | logs/app.log         | false
          docs                     | docs/guide/intro.md  | true
          docs                     | docsite/index.md     | false
          node_modules             | pkg/node_modules/x   | false
          # * and ? never cross a slash, but a match on a parent still counts
          *.go                     | main.go              | true
          *.go                     | cmd/main.go          | false
          *                        | cmd/main.go          | true
          */*.md                   | docs/a.md            | true
          */*.md                   | docs/a/b.md          | false
          */*.md                   | docs/a.md/x          | true
          */*.md                   | a.md                 | false
          a?c                      | abc                  | true
          a?c                      | a/c                  | false
          # ** spans any number of directories, none included
          **/*.go                  | main.go              | true
          **/*.go                  | a/b/c/main.go        | true
          **/node_modules          | node_modules/x/y.js  | true
          **/node_modules          | web/node_modules/y   | true
          a/**/b                   | a/b                  | true
          a/**/b                   | a/x/y/b              | true
          a/**/b                   | a/xb                 | false
          dist/**                  | dist/js/app.js       | true
          dist/**                  | dist                 | false
          dist/**                  | distribution/x       | false
          **                       | any/thing/at/all     | true
          # character classes and escapes are filepath.Match syntax
          [a-c]x                   | bx                   | true
          [a-c]x                   | dx                   | false
          [^a]x                    | bx                   | true
          [^a]x                    | ax                   | false
          [[:digit:]]x             | 7x                   | true
          [[:digit:]]x             | ax                   | false
          \\*x                     | *x                   | true
          \\*x                     | ax                   | false
          # regexp characters are literal
          a.b*                     | a.bc                 | true
          a.b*                     | axbc                 | false
          (foo)*                   | (foo)bar             | true
          a+b                      | a+b                  | true
          c{1}*                    | c{1}d                | true
          # cleaning: leading slash, ./, .., trailing slash, doubled slashes
          /build                   | build/out.o          | true
          ./src/../build           | build/out.o          | true
          build/                   | build/out.o          | true
          a//b                     | a/b/c                | true
          # exceptions: the last matching pattern decides
          *.md;!README.md          | README.md            | false
          *.md;!README.md          | CHANGES.md           | true
          docs;!docs/keep.md       | docs/keep.md         | false
          docs;!docs/keep.md       | docs/drop.md         | true
          !docs/keep.md;docs       | docs/keep.md         | true
          docs/*;!docs/keep        | docs/keep/deep/file  | false
          **;!src;src/*.tmp        | src/a.go             | false
          **;!src;src/*.tmp        | src/a.tmp            | true
          **;!src;src/*.tmp        | test/a.go            | true
          # comments only at the start of a line; everything else is trimmed
          # x                      | # x                  | false
          # a quirk kept on purpose: * inside a class becomes [^/]* in moby's expression
          [*]                      | ]                    | true
          [*]                      | *                    | false
          """)
  void matchesAsBuildKit(String file, String path, boolean excluded) {
    DockerIgnore ignore = DockerIgnore.parse(file.replace(';', '\n'));
    assertThat(ignore.problems()).isEmpty();
    assertThat(ignore.excludes(path)).as("%s excludes %s", file, path).isEqualTo(excluded);
  }

  @Test
  void readsLinesAsReadAll() {
    DockerIgnore ignore =
        DockerIgnore.parse(
            "\uFEFF# comment\r\n  target/  \r\n\n!  target/keep \n   # kept as a pattern\n/\n");
    assertThat(ignore.patterns())
        .extracting(IgnorePattern::toString)
        .containsExactly("target", "!target/keep", "# kept as a pattern", "/");
    assertThat(ignore.patterns()).extracting(IgnorePattern::line).containsExactly(2, 4, 5, 6);
    assertThat(ignore.excludes("target/a")).isTrue();
    assertThat(ignore.excludes("target/keep")).isFalse();
    assertThat(ignore.excludes("#")).isFalse();
  }

  @Test
  void neverExcludesTheRoot() {
    DockerIgnore ignore = DockerIgnore.parse("**\n.\n*\n");
    assertThat(ignore.excludes(".")).isFalse();
    assertThat(ignore.excludes("")).isFalse();
    assertThat(ignore.excludes("./a/../b")).isTrue();
  }

  @Test
  void listsPatternsBuildKitRefuses() {
    DockerIgnore ignore = DockerIgnore.parse("ok\n!\n[\nfoo\\\n[]a]\n[z-]\nfine[ab]\n");
    assertThat(ignore.problems())
        .extracting(DockerIgnore.Problem::line)
        .containsExactly(2, 3, 4, 5, 6);
    assertThat(ignore.patterns()).extracting(IgnorePattern::text).containsExactly("ok", "fine[ab]");
  }

  @Test
  void matchKindsFollowMoby() {
    assertThat(DockerIgnore.parse("a/b").patterns().get(0).kind())
        .isEqualTo(IgnorePattern.Kind.EXACT);
    assertThat(DockerIgnore.parse("a/**").patterns().get(0).kind())
        .isEqualTo(IgnorePattern.Kind.PREFIX);
    assertThat(DockerIgnore.parse("**/a").patterns().get(0).kind())
        .isEqualTo(IgnorePattern.Kind.SUFFIX);
    assertThat(DockerIgnore.parse("a/*").patterns().get(0).kind())
        .isEqualTo(IgnorePattern.Kind.REGEX);
  }

  @Test
  void decidingPatternNamesTheLine() {
    DockerIgnore ignore = DockerIgnore.parse("*.log\n!keep.log\n");
    assertThat(ignore.decidingPattern("a.log")).map(IgnorePattern::line).contains(1);
    assertThat(ignore.decidingPattern("keep.log")).map(IgnorePattern::line).contains(2);
    assertThat(ignore.decidingPattern("a.txt")).isEmpty();
  }

  @Test
  void readsTheFileOfAContext(@TempDir Path dir) throws Exception {
    assertThat(DockerIgnore.read(dir)).isEmpty();
    Files.writeString(dir.resolve(".dockerignore"), "node_modules\n");
    assertThat(DockerIgnore.read(dir))
        .hasValueSatisfying(i -> assertThat(i.excludes("node_modules/x")).isTrue());
  }

  @Test
  void copySourcesCoverPathsUnderThem() {
    assertThat(DockerIgnore.covers(".", "node_modules/x")).isTrue();
    assertThat(DockerIgnore.covers("./", ".git/HEAD")).isTrue();
    assertThat(DockerIgnore.covers("/app/", "app/.env")).isTrue();
    assertThat(DockerIgnore.covers("*.pem", "server.pem")).isTrue();
    assertThat(DockerIgnore.covers("*.pem", "certs/server.pem")).isFalse();
    assertThat(DockerIgnore.covers("src", "srcs/a")).isFalse();
    assertThat(DockerIgnore.covers("[", "a")).isFalse();
  }

  @Test
  void cleansAsGo() {
    assertThat(GoPaths.clean("")).isEqualTo(".");
    assertThat(GoPaths.clean("a/./b/../../c/")).isEqualTo("c");
    assertThat(GoPaths.clean("../../x")).isEqualTo("../../x");
    assertThat(GoPaths.clean("/../x")).isEqualTo("/x");
    assertThat(GoPaths.clean("a/..")).isEqualTo(".");
    assertThat(GoPaths.clean("!../x")).isEqualTo("!../x");
  }
}
