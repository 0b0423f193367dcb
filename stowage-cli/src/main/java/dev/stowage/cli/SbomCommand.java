package dev.stowage.cli;

import dev.stowage.image.sbom.CycloneDx;
import dev.stowage.image.sbom.Sbom;
import dev.stowage.image.sbom.SbomDocument;
import dev.stowage.image.sbom.SbomScanner;
import dev.stowage.image.sbom.Spdx;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stowage sbom}: the software bill of materials of an image. */
@Command(
    name = "sbom",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the packages of an image (dpkg, apk, Python, npm, Java archives, Go binaries) with"
          + " their package URLs and the layer that added each, as a CycloneDX 1.6 or SPDX 2.3"
          + " JSON document. The layers are read once; packages deleted by a later layer are"
          + " left out.",
      "SOURCE is docker-archive:PATH, oci-archive:PATH, oci:DIR, docker-daemon:REF, a registry"
          + " reference (HOST/REPO:TAG, HOST/REPO@sha256:..., docker://REF) or a bare path (sniffed)."
    })
final class SbomCommand implements Callable<Integer> {
  /** The document formats. */
  enum Format {
    CYCLONEDX_JSON("cyclonedx-json"),
    SPDX_JSON("spdx-json");

    final String spelling;

    Format(String spelling) {
      this.spelling = spelling;
    }

    @Override
    public String toString() {
      return spelling;
    }
  }

  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      converter = FormatConverter.class,
      description = "cyclonedx-json (default) or spdx-json.")
  Format format = Format.CYCLONEDX_JSON;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the document to FILE instead of standard output.")
  Path output;

  @Mixin ImageSourceOptions sourceOptions;

  @Parameters(index = "0", paramLabel = "SOURCE", description = "The image to catalog.")
  String source;

  /** Reads {@code cyclonedx-json} and {@code spdx-json}, case-insensitively. */
  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      for (Format f : Format.values()) {
        if (f.spelling.equalsIgnoreCase(value)) {
          return f;
        }
      }
      throw new picocli.CommandLine.TypeConversionException(
          "unknown format '" + value + "'; expected one of: cyclonedx-json, spdx-json");
    }
  }

  @Override
  public Integer call() throws UserInputException, EnvironmentException {
    SbomScanner scanner = SbomScanner.create();
    Sbom sbom = sourceOptions.sources()
            .read(source, ImageSources.reader(scanner::scan, scanner::scan, scanner::scan));
    SbomDocument doc = SbomDocument.now();
    String text = switch (format) {
      case CYCLONEDX_JSON -> CycloneDx.write(sbom, doc);
      case SPDX_JSON -> Spdx.write(sbom, doc);
    };
    if (!text.endsWith("\n")) {
      text += "\n";
    }
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
    } else {
      write(output, text);
    }
    return ExitCode.OK.code();
  }

  /** Writes {@code file} through a temporary file beside it and a rename. */
  private static void write(Path file, String text) throws UserInputException, EnvironmentException {
    Path target = file.toAbsolutePath();
    Path parent = target.getParent();
    if (Files.isDirectory(target)) {
      throw new UserInputException(file + ": a directory, not a file");
    }
    if (parent == null || !Files.isDirectory(parent)) {
      throw new UserInputException(file + ": no such directory " + parent);
    }
    Path tmp = null;
    try {
      tmp = Files.createTempFile(parent, "." + target.getFileName(), ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new EnvironmentException("writing " + file + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort: the temporary file is hidden beside the target
        }
      }
    }
  }
}
