package dev.stowage.image.sbom;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/**
 * Java archives (jar, war, ear), streamed once: every {@code META-INF/maven/G/A/pom.properties}
 * names a package; without one, {@code META-INF/MANIFEST.MF} and the file name do. Archives nested
 * one level deep ({@code BOOT-INF/lib/}, {@code WEB-INF/lib/}, an ear's modules) are read the same
 * way from inside the stream. Only the manifest and the properties are kept, each capped. Stateless.
 */
final class JavaArchive {
  private static final int MAX_SMALL_FILE = 256 * 1024;
  private static final Pattern POM_PROPERTIES = Pattern.compile("META-INF/maven/[^/]+/[^/]+/pom\\.properties");
  private static final Pattern FILE_NAME = Pattern.compile("(.+?)-(\\d[\\w.\\-+]*)\\.[jwe]ar");

  private JavaArchive() {}

  static boolean wants(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    return lower.endsWith(".jar") || lower.endsWith(".war") || lower.endsWith(".ear");
  }

  /** The packages of the archive {@code path}; a corrupt archive yields what was read before it. */
  static List<Found> read(InputStream in, String path) {
    List<Found> out = new ArrayList<>();
    read(in, path, path.substring(path.lastIndexOf('/') + 1), 0, out);
    return out;
  }

  private static void read(InputStream in, String location, String fileName, int depth, List<Found> out) {
    List<Properties> poms = new ArrayList<>();
    Manifest manifest = null;
    int before = out.size();
    List<Found> nested = new ArrayList<>();
    try {
      ZipArchiveInputStream zip = new ZipArchiveInputStream(in, "UTF-8", true, true);
      ZipArchiveEntry e;
      while ((e = zip.getNextEntry()) != null) {
        if (e.isDirectory()) {
          continue;
        }
        String name = e.getName();
        if (name.equals("META-INF/MANIFEST.MF")) {
          manifest = new Manifest(new ByteArrayInputStream(zip.readNBytes(MAX_SMALL_FILE)));
        } else if (POM_PROPERTIES.matcher(name).matches()) {
          Properties p = new Properties();
          p.load(new ByteArrayInputStream(zip.readNBytes(MAX_SMALL_FILE)));
          poms.add(p);
        } else if (depth == 0 && wants(name)) {
          read(zip, location + "!/" + name, name.substring(name.lastIndexOf('/') + 1), depth + 1, nested);
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      // a truncated or corrupt archive: keep what its readable part named
    }
    for (Properties p : poms) {
      String group = p.getProperty("groupId", "").strip();
      String artifact = p.getProperty("artifactId", "").strip();
      String version = p.getProperty("version", "").strip();
      if (!group.isEmpty() && !artifact.isEmpty() && !version.isEmpty()) {
        out.add(new Found(SbomPackage.Ecosystem.JAVA, group, artifact, version, licences(manifest), location, Map.of()));
      }
    }
    if (out.size() == before) {
      fromManifest(manifest, location, fileName).ifPresent(out::add);
    }
    out.addAll(nested);
  }

  private static java.util.Optional<Found> fromManifest(Manifest manifest, String location, String fileName) {
    Attributes a = manifest == null ? new Attributes() : manifest.getMainAttributes();
    Matcher m = FILE_NAME.matcher(fileName);
    String fileArtifact = m.matches() ? m.group(1) : fileName.replaceFirst("\\.[^.]+$", "");
    String fileVersion = m.matches() ? m.group(2) : "";
    String version = first(a, "Implementation-Version", "Bundle-Version", "Specification-Version");
    if (version.isEmpty()) {
      version = fileVersion;
    }
    if (version.isEmpty()) {
      return java.util.Optional.empty();
    }
    String symbolic = first(a, "Bundle-SymbolicName").replaceFirst(";.*", "").strip();
    String group = first(a, "Implementation-Vendor-Id");
    if (group.isEmpty() && symbolic.contains(".")) {
      group = symbolic.substring(0, symbolic.lastIndexOf('.'));
    }
    if (group.isEmpty()) {
      group = fileArtifact; // the Maven purl needs a namespace; the artifact is the best guess
    }
    Map<String, String> props = new HashMap<>();
    props.put("groupGuessed", "true");
    return java.util.Optional.of(
        new Found(SbomPackage.Ecosystem.JAVA, group, fileArtifact, version, licences(manifest), location, props));
  }

  private static List<String> licences(Manifest manifest) {
    if (manifest == null) {
      return List.of();
    }
    String l = first(manifest.getMainAttributes(), "Bundle-License");
    return l.isEmpty() || l.length() > 200 ? List.of() : List.of(l);
  }

  private static String first(Attributes a, String... names) {
    for (String n : names) {
      String v = a.getValue(n);
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return "";
  }
}
