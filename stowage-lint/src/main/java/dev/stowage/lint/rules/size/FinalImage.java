package dev.stowage.lint.rules.size;

import dev.stowage.dockerfile.ImageReference;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.model.Base;
import dev.stowage.dockerfile.model.DockerfileModel;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.dockerfile.shell.Command;
import dev.stowage.lint.rules.performance.BuildCommands;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What ends up in the shipped image: the target stage and the stages it is built {@code FROM}, root
 * first, and questions about their base image and build steps. Stateless and thread-safe.
 */
final class FinalImage {
  private FinalImage() {}

  /** The stages whose layers the final image holds, root first (empty when there is none). */
  static List<Stage> stages(DockerfileModel model) {
    Optional<Stage> target = model.target();
    if (target.isEmpty()) {
      return List.of();
    }
    List<Stage> chain = new ArrayList<>();
    Stage s = target.get();
    while (true) {
      chain.add(s);
      if (s.base() instanceof Base.StageBase sb && sb.stage() < s.index() && chain.size() < 64) {
        s = model.stages().get(sb.stage());
      } else {
        break;
      }
    }
    Collections.reverse(chain);
    return List.copyOf(chain);
  }

  /** The image the shipped chain starts from, if it is an image. */
  static Optional<ImageReference> baseImage(List<Stage> chain) {
    return chain.isEmpty() || !(chain.get(0).base() instanceof Base.Image img)
        ? Optional.empty()
        : Optional.of(img.reference());
  }

  /** The short repository name: {@code golang}, {@code dotnet/sdk}, {@code eclipse-temurin}. */
  static String shortName(ImageReference ref) {
    String r = ref.repository();
    if (r.startsWith("library/")) {
      r = r.substring("library/".length());
    }
    if (r.startsWith("dotnet/")) {
      return r;
    }
    int slash = r.lastIndexOf('/');
    return slash >= 0 ? r.substring(slash + 1) : r;
  }

  static String tag(ImageReference ref) {
    return ref.tag().orElse("").toLowerCase(Locale.ROOT);
  }

  /** What a toolchain image is for, or empty when the image is not a compiler toolchain. */
  static Optional<String> toolchain(ImageReference ref) {
    String n = shortName(ref);
    String tag = tag(ref);
    return switch (n) {
      case "golang" -> Optional.of("Go");
      case "rust" -> Optional.of("Rust");
      case "gcc" -> Optional.of("C/C++");
      case "maven", "gradle" -> Optional.of(n.equals("maven") ? "Maven and a JDK" : "Gradle and a JDK");
      case "openjdk", "eclipse-temurin", "sapmachine", "ibm-semeru-runtimes" ->
          tag.contains("jre") ? Optional.empty() : Optional.of("JDK");
      case "amazoncorretto" -> tag.contains("jre") ? Optional.empty() : Optional.of("JDK");
      case "dotnet/sdk" -> Optional.of(".NET SDK");
      default -> Optional.empty();
    };
  }

  /** A runtime image to suggest instead of a toolchain image. */
  static String runtimeFor(ImageReference ref) {
    String n = shortName(ref);
    String major = tag(ref).replaceAll("^(\\d+).*", "$1");
    String jre =
        StageSplitFix.jreFor(ref)
            .orElse("eclipse-temurin:" + (major.matches("\\d+") && !n.equals("maven") && !n.equals("gradle") ? major : "21") + "-jre");
    return switch (n) {
      case "golang" -> "gcr.io/distroless/static-debian12 (or alpine)";
      case "rust" -> "debian:bookworm-slim or gcr.io/distroless/cc-debian12";
      case "gcc" -> "debian:bookworm-slim";
      case "dotnet/sdk" -> "mcr.microsoft.com/dotnet/aspnet or dotnet/runtime";
      default -> "a JRE image such as " + jre;
    };
  }

  private static final Set<String> COMPILERS =
      Set.of("gcc", "g++", "cc", "c++", "clang", "clang++", "javac", "rustc", "make", "gmake");

  /** Whether a command compiles code (go build, cargo build, mvn package, make, gcc, ...). */
  static boolean compiles(Command c) {
    String p = BuildCommands.program(c);
    return COMPILERS.contains(p)
        || (p.equals("cmake") && BuildCommands.hasFlag(c, "--build"))
        || BuildCommands.goBuilds(c)
        || BuildCommands.cargoBuilds(c)
        || BuildCommands.mavenBuilds(c)
        || BuildCommands.gradleBuilds(c)
        || BuildCommands.dotnetBuilds(c);
  }

  /** The RUN instructions of the chain, in order. */
  static List<Instruction.Run> runs(List<Stage> chain) {
    return chain.stream().flatMap(s -> s.instructions(Instruction.Run.class).stream()).toList();
  }
}
