package dev.stowage.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** BuildKit's own parser test files: the AST dump must match; negative cases must be refused. */
class ParserGoldenTest {

  static List<Path> positives() throws IOException {
    try (Stream<Path> s = Files.list(Fixtures.path("buildkit-parser/testfiles"))) {
      List<Path> dirs = s.filter(Files::isDirectory).sorted().toList();
      assertThat(dirs).hasSizeGreaterThan(20);
      return dirs;
    }
  }

  static List<Path> negatives() throws IOException {
    try (Stream<Path> s = Files.list(Fixtures.path("buildkit-parser/testfiles-negative"))) {
      List<Path> dirs = s.filter(Files::isDirectory).sorted().toList();
      assertThat(dirs).isNotEmpty();
      return dirs;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("positives")
  void matchesBuildkitDump(Path dir) throws IOException {
    assertThat(dir.resolve("result")).as("every case has a result dump").exists();
    String src = Dockerfile.decode(dir.toString(), Files.readAllBytes(dir.resolve("Dockerfile")));
    Dockerfile df = Dockerfile.parse(src);
    assertThat(df.errors()).as("accepted by BuildKit").isEmpty();
    String expected = Files.readString(dir.resolve("result")).strip();
    assertThat(BuildkitDump.dump(df)).isEqualTo(expected);
    assertThat(df.print()).isEqualTo(src);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("negatives")
  void rejectsNegative(Path dir) throws IOException {
    String src = Files.readString(dir.resolve("Dockerfile"));
    Dockerfile df = Dockerfile.parse(src);
    assertThat(df.errors()).as("refused like BuildKit").isNotEmpty();
    assertThat(df.errors().get(0).line()).isPositive();
    assertThat(df.print()).isEqualTo(src);
  }
}
