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
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.jspecify.annotations.Nullable;

/**
 * Java archives (jar, war, ear), streamed once: every {@code META-INF/maven/G/A/pom.properties}
 * names a package; without one, {@code META-INF/MANIFEST.MF} and the file name do. Archives nested
 * one level deep ({@code BOOT-INF/lib/}, {@code WEB-INF/lib/}, an ear's modules) are read the same
 * way. An archive of up to {@value #MAX_BUFFERED} bytes is held in memory and opened by its
 * central directory; a larger one is streamed. Only the manifest and the properties are read,
 * each capped. Stateless.
 */
final class JavaArchive {
  private static final int MAX_SMALL_FILE = 256 * 1024;
  private static final long MAX_BUFFERED = 128L << 20;
  private static final Pattern POM_PROPERTIES = Pattern.compile("META-INF/maven/[^/]+/[^/]+/pom\\.properties");
  private static final Pattern FILE_NAME = Pattern.compile("(.+?)-(\\d[\\w.\\-+]*)\\.[jwe]ar");

  private JavaArchive() {}

  static boolean wants(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    return lower.endsWith(".jar") || lower.endsWith(".war") || lower.endsWith(".ear");
  }

  /**
   * The packages of the archive {@code path} of {@code size} bytes; a corrupt archive yields what
   * was read before it.
   */
  static List<Found> read(InputStream in, long size, String path) throws IOException {
    List<Found> out = new ArrayList<>();
    read(in, size, path, path.substring(path.lastIndexOf('/') + 1), 0, out);
    return out;
  }

  /** What an archive holds that names packages. */
  private static final class Contents {
    final List<Properties> poms = new ArrayList<>();
    @Nullable Manifest manifest;
    final List<Found> nested = new ArrayList<>();
  }

  private static void read(InputStream in, long size, String location, String fileName, int depth, List<Found> out)
      throws IOException {
    Contents c = new Contents();
    if (size <= MAX_BUFFERED) {
      // Most archives are read whole and opened by their central directory: only the few entries
      // needed are inflated, where a stream would inflate every entry to find the next one.
      byte[] bytes = in.readNBytes((int) size);
      try (ZipFile zip = ZipFile.builder()
          .setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes))
          .setIgnoreLocalFileHeader(true) // only the few entries read need theirs
          .get()) {
        for (ZipArchiveEntry e : java.util.Collections.list(zip.getEntries())) {
          if (!e.isDirectory() && needed(e.getName(), depth)) {
            try (InputStream entry = zip.getInputStream(e)) {
              entry(e, entry, location, depth, c);
            }
          }
        }
      } catch (IOException | IllegalArgumentException e) {
        // not a zip, or a corrupt one: keep what was read
      }
    } else {
      try {
        ZipArchiveInputStream zip = new ZipArchiveInputStream(in, "UTF-8", true, true);
        ZipArchiveEntry e;
        while ((e = zip.getNextEntry()) != null) {
          if (!e.isDirectory()) {
            entry(e, zip, location, depth, c);
          }
        }
      } catch (IOException | IllegalArgumentException e) {
        // a truncated or corrupt archive: keep what its readable part named
      }
    }
    int before = out.size();
    for (Properties p : c.poms) {
      String group = p.getProperty("groupId", "").strip();
      String artifact = p.getProperty("artifactId", "").strip();
      String version = p.getProperty("version", "").strip();
      if (!group.isEmpty() && !artifact.isEmpty() && !version.isEmpty()) {
        out.add(new Found(SbomPackage.Ecosystem.JAVA, group, artifact, version, licences(c.manifest), location, Map.of()));
      }
    }
    if (out.size() == before) {
      fromManifest(c.manifest, location, fileName).ifPresent(out::add);
    }
    out.addAll(c.nested);
  }

  /** Whether an entry can name a package: the manifest, Maven properties, a nested archive. */
  private static boolean needed(String name, int depth) {
    return name.equals("META-INF/MANIFEST.MF")
        || name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties")
        || depth == 0 && wants(name);
  }

  private static void entry(ZipArchiveEntry e, InputStream in, String location, int depth, Contents c) throws IOException {
    String name = e.getName();
    if (name.equals("META-INF/MANIFEST.MF")) {
      c.manifest = new Manifest(new ByteArrayInputStream(in.readNBytes(MAX_SMALL_FILE)));
    } else if (POM_PROPERTIES.matcher(name).matches()) {
      Properties p = new Properties();
      p.load(new ByteArrayInputStream(in.readNBytes(MAX_SMALL_FILE)));
      c.poms.add(p);
    } else if (depth == 0 && wants(name)) {
      long size = e.getSize() >= 0 ? e.getSize() : Long.MAX_VALUE;
      read(in, size, location + "!/" + name, name.substring(name.lastIndexOf('/') + 1), depth + 1, c.nested);
    }
  }

  private static java.util.Optional<Found> fromManifest(@Nullable Manifest manifest, String location, String fileName) {
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

  private static List<String> licences(@Nullable Manifest manifest) {
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
