package dev.stowage.lint.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every format of every case in {@link FormatterCases}, byte for byte against {@code
 * src/test/resources/golden/<case>.<format>} ({@code <case>.tty-ansi} for colours). Regenerate with
 * {@code -Dstowage.golden.update=true}, then review the diff.
 */
class FormatterGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden").toAbsolutePath();
  private static final boolean UPDATE = Boolean.getBoolean("stowage.golden.update");

  static Stream<Arguments> cases() {
    List<Arguments> all = new ArrayList<>();
    for (String name : new TreeSet<>(FormatterCases.CASES.keySet())) {
      for (FindingsFormat format : FindingsFormat.values()) {
        all.add(Arguments.of(name, format, FindingsFormat.Colour.PLAIN, format.label()));
      }
      all.add(Arguments.of(name, FindingsFormat.TTY, FindingsFormat.Colour.ANSI, "tty-ansi"));
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}.{3}")
  @MethodSource("cases")
  void matchesGolden(
      String name, FindingsFormat format, FindingsFormat.Colour colour, String extension)
      throws IOException {
    String actual =
        format.formatter(FormatterCases.RULES, colour).format(FormatterCases.CASES.get(name));
    Path golden = GOLDEN.resolve(name + "." + extension);
    if (UPDATE) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(golden).as("golden file (create with -Dstowage.golden.update=true)").exists();
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  @Test
  void everyGoldenFileBelongsToACase() throws IOException {
    Set<String> expected = new TreeSet<>();
    cases().forEach(a -> expected.add(a.get()[0] + "." + a.get()[3]));
    Set<String> present = new TreeSet<>();
    try (Stream<Path> files = Files.list(GOLDEN)) {
      files.forEach(p -> present.add(p.getFileName().toString()));
    }
    assertThat(present).isEqualTo(expected);
  }
}
