package dev.stowage.image.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Real files of this Debian machine that the SBOM tests put into image archives, and what other
 * tools say about them. A missing file fails the test with the package that provides it.
 */
final class RealFiles {
  static final Path DPKG_STATUS = Path.of("/var/lib/dpkg/status");
  static final Path OS_RELEASE = Path.of("/usr/lib/os-release");
  static final Path DIST_PACKAGES = Path.of("/usr/lib/python3/dist-packages");
  static final Path NPM = Path.of("/usr/lib/node_modules/npm");
  static final Path DOCKER_PROXY = Path.of("/usr/sbin/docker-proxy");

  private RealFiles() {}

  static Path need(Path p, String providedBy) {
    assertThat(p).as("%s (from %s) is needed by this test", p, providedBy).exists();
    return p;
  }

  /** {@code dpkg-query}'s installed packages: name to "version arch". */
  static Map<String, String> dpkgQuery() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("dpkg-query", "-W", "-f", "${db:Status-Abbrev}\\t${Package}\\t${Version}\\t${Architecture}\\n")
        .redirectErrorStream(false)
        .start();
    String out;
    try (InputStream in = p.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(p.waitFor()).isZero();
    Map<String, String> installed = new TreeMap<>();
    for (String line : out.split("\n")) {
      String[] f = line.split("\t");
      if (f.length == 4 && f[0].length() >= 2 && f[0].charAt(1) == 'i') {
        installed.put(f[1], f[2] + " " + f[3]);
      }
    }
    return installed;
  }

  /** {@code KEY} of the host's os-release. */
  static String osRelease(String key) throws IOException {
    for (String line : Files.readAllLines(need(OS_RELEASE, "base-files"))) {
      if (line.startsWith(key + "=")) {
        return line.substring(key.length() + 1).replace("\"", "");
      }
    }
    return "";
  }

  /** The dist-info directories of Debian's Python packages. */
  static List<Path> distInfos() throws IOException {
    List<Path> out = new ArrayList<>();
    try (var s = Files.list(need(DIST_PACKAGES, "python3-yaml"))) {
      s.filter(p -> p.getFileName().toString().endsWith(".dist-info") && Files.isRegularFile(p.resolve("METADATA")))
          .sorted()
          .forEach(out::add);
    }
    assertThat(out).as("dist-info directories in %s", DIST_PACKAGES).isNotEmpty();
    return out;
  }

  /** A PyPI name as the purl and PEP 503 normalize it. */
  static String normalizePython(String name) {
    return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[-_.]+", "-");
  }
}
