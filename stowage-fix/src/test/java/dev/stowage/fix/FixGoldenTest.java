package dev.stowage.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.dockerfile.Dockerfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each {@code <case>.input.Dockerfile} under {@code src/test/resources/FixGoldenTest} fixes to its
 * {@code <case>.output.Dockerfile}, byte for byte; regenerate with {@code
 * -Dstowage.golden.update=true} and review the diff.
 */
class FixGoldenTest {
  private static final Path DIR = Path.of("src/test/resources/FixGoldenTest");

  static List<String> cases() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      List<String> names = s.map(p -> p.getFileName().toString()).toList();
      List<String> inputs =
          names.stream()
              .filter(n -> n.endsWith(".input.Dockerfile"))
              .map(n -> n.substring(0, n.length() - ".input.Dockerfile".length()))
              .sorted()
              .toList();
      for (String n : names) {
        String base = n.replaceFirst("\\.(input|output)\\.Dockerfile$", "");
        assertThat(inputs).as("unpaired golden file %s", n).contains(base);
      }
      assertThat(inputs).isNotEmpty();
      return inputs;
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void fixesToTheGolden(String name) throws Exception {
    String input = Files.readString(DIR.resolve(name + ".input.Dockerfile"));
    FixResult r = Fixer.builtIn().fix("Dockerfile", input, FixRequest.defaults());
    Path golden = DIR.resolve(name + ".output.Dockerfile");
    if (Boolean.getBoolean("stowage.golden.update")) {
      Files.writeString(golden, r.fixed());
    }
    assertThat(golden).as("run with -Dstowage.golden.update=true to create").exists();
    assertThat(r.fixed()).isEqualTo(Files.readString(golden));
    assertThat(Dockerfile.parse(r.fixed()).hasErrors()).isFalse();
    assertThat(Fixer.builtIn().fix("Dockerfile", r.fixed(), FixRequest.defaults()).changes())
        .as("fix(fix(x)) == fix(x)")
        .isEmpty();
  }
}
