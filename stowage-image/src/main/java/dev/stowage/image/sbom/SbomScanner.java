package dev.stowage.image.sbom;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURLBuilder;
import dev.stowage.image.ImageContent;
import dev.stowage.image.ImageFormatException;
import dev.stowage.image.ImageSource;
import dev.stowage.image.ImageStream;
import dev.stowage.image.LayerWalker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Catalogs the packages of an image in one streaming pass over its layers. Only the files that a
 * cataloger needs are read, each up to a cap (package databases {@value #MAX_DATABASE} bytes,
 * metadata files {@value #MAX_METADATA} bytes, Java archives and Go binaries streamed); what they
 * name is kept per path, so that a later layer that deletes (whiteout, opaque directory) or
 * replaces the file removes its packages. Immutable and thread-safe.
 */
public final class SbomScanner {
  static final int MAX_DATABASE = 64 << 20;
  static final int MAX_METADATA = 1 << 20;
  private static final List<String> OS_RELEASE = List.of("/etc/os-release", "/usr/lib/os-release");

  private final LayerWalker walker;

  private SbomScanner(LayerWalker walker) {
    this.walker = walker;
  }

  public static SbomScanner create() {
    return new SbomScanner(LayerWalker.create());
  }

  public static SbomScanner using(LayerWalker walker) {
    return new SbomScanner(walker);
  }

  /**
   * Scans {@code source}.
   *
   * @throws ImageFormatException when the source is not a readable image
   */
  public Sbom scan(ImageSource source, Optional<String> platform) throws ImageFormatException, IOException {
    Collector c = new Collector();
    return result(source.toString(), walker.walk(source, platform, c), c);
  }

  /**
   * Scans an image fetched by digest (a registry), already narrowed to one platform; closes
   * {@code content}.
   */
  public Sbom scan(ImageContent content) throws ImageFormatException, IOException {
    Collector c = new Collector();
    return result(content.name(), walker.walk(content, c), c);
  }

  /** Scans an archive read once as it streams in ({@code docker save}'s output). */
  public Sbom scan(ImageStream stream) throws ImageFormatException, IOException {
    Collector c = new Collector();
    return result(stream.name(), walker.walk(stream, c), c);
  }

  private Sbom result(String sourceName, List<LayerWalker.Layer> layers, Collector c) {
    Optional<Sbom.Distro> distro = c.distro();
    List<SbomPackage> packages = new ArrayList<>();
    for (Map.Entry<String, Kept> e : c.byPath.entrySet()) {
      for (int i = 0; i < e.getValue().found.size(); i++) {
        Found f = e.getValue().found.get(i);
        String name = f.ecosystem() == SbomPackage.Ecosystem.NPM && !f.namespace().isEmpty()
            ? "@" + f.namespace() + "/" + f.name()
            : f.name();
        packages.add(new SbomPackage(f.ecosystem(), name, f.version(), purl(f, distro), f.licenses(), f.path(), e.getValue().layers.get(i), properties(f)));
      }
    }
    packages.sort(Comparator.comparing(SbomPackage::ecosystem)
        .thenComparing(SbomPackage::name)
        .thenComparing(SbomPackage::version)
        .thenComparing(SbomPackage::path));
    return new Sbom(sourceName, distro, layers, packages);
  }

  private static Map<String, String> properties(Found f) {
    if (f.ecosystem() != SbomPackage.Ecosystem.JAVA) {
      return f.properties();
    }
    Map<String, String> p = new HashMap<>(f.properties());
    p.put("groupId", f.namespace());
    return p;
  }

  /** The package URL of {@code f}, following the purl specification's rules for its type. */
  static String purl(Found f, Optional<Sbom.Distro> distro) {
    try {
      PackageURLBuilder b = PackageURLBuilder.aPackageURL().withType(f.ecosystem().purlType()).withName(f.name());
      if (!f.version().isEmpty()) {
        b.withVersion(f.version());
      }
      switch (f.ecosystem()) {
        case DPKG, APK -> {
          String vendor = distro.map(Sbom.Distro::id).orElse(f.ecosystem() == SbomPackage.Ecosystem.DPKG ? "debian" : "alpine");
          b.withNamespace(vendor);
          if (f.properties().containsKey("arch")) {
            b.withQualifier("arch", f.properties().get("arch"));
          }
          if (f.ecosystem() == SbomPackage.Ecosystem.DPKG && f.properties().containsKey("source")
              && !f.properties().get("source").equals(f.name())) {
            b.withQualifier("upstream", f.properties().get("source"));
          }
          distro.ifPresent(d -> b.withQualifier("distro", d.qualifier()));
        }
        case NPM, JAVA -> {
          if (!f.namespace().isEmpty()) {
            b.withNamespace(f.ecosystem() == SbomPackage.Ecosystem.NPM ? "@" + f.namespace() : f.namespace());
          }
        }
        case GO -> {
          int slash = f.name().lastIndexOf('/');
          if (slash > 0) { // pkg:golang/github.com/gorilla/context: the module path's last element is the name
            b.withNamespace(f.name().substring(0, slash)).withName(f.name().substring(slash + 1));
          }
        }
        case PYTHON -> {
          // name only; the purl library normalizes PyPI names
        }
      }
      return b.build().canonicalize();
    } catch (MalformedPackageURLException e) {
      // a name the purl specification cannot express: fall back to the type and the raw name
      return "pkg:" + f.ecosystem().purlType() + "/" + java.net.URLEncoder.encode(f.name(), StandardCharsets.UTF_8);
    }
  }

  /** The packages one file named, with the layer that added each one. */
  private record Kept(int layer, List<Found> found, List<Integer> layers) {}

  /** Keeps what the catalogers read, applying whiteouts and replacements as layers stack. */
  private static final class Collector implements LayerWalker.Visitor {
    final Map<String, Kept> byPath = new HashMap<>();
    final Map<String, String> osRelease = new HashMap<>();
    final Map<String, Integer> osReleaseLayer = new HashMap<>();
    final Map<String, String> osReleaseLinks = new HashMap<>();

    @Override
    public LayerWalker.Step read(LayerWalker.Entry e, InputStream content) throws IOException {
      return switch (e.type()) {
        case WHITEOUT -> (layer, command) -> remove(e.path(), layer, true);
        case OPAQUE -> (layer, command) -> remove(e.path(), layer, false);
        default -> {
          String release = null;
          if (OS_RELEASE.contains(e.path()) && e.type() == LayerWalker.Type.FILE) {
            release = new String(content.readNBytes(MAX_METADATA), StandardCharsets.UTF_8);
          }
          List<Found> found = e.type() == LayerWalker.Type.FILE ? catalog(e, content) : List.of();
          String osRelease = release;
          yield (layer, command) -> place(e, layer, osRelease, found);
        }
      };
    }

    /** A file (or link, directory...) at {@code e.path()} replaces what lower layers had there. */
    private void place(LayerWalker.Entry e, int layer, @Nullable String release, List<Found> found) {
      Kept before = byPath.remove(e.path());
      osRelease.remove(e.path());
      osReleaseLinks.remove(e.path());
      if (release != null) {
        osRelease.put(e.path(), release);
        osReleaseLayer.put(e.path(), layer);
      } else if (OS_RELEASE.contains(e.path()) && e.type() == LayerWalker.Type.SYMLINK) {
        osReleaseLinks.put(e.path(), e.linkTarget());
      }
      if (!found.isEmpty()) {
        byPath.put(e.path(), kept(layer, found, before));
      }
    }

    /** Keeps the earlier layer for every package that the replaced file already listed. */
    private static Kept kept(int layer, List<Found> found, Kept before) {
      Map<String, Integer> earlier = new HashMap<>();
      if (before != null) {
        for (int i = 0; i < before.found.size(); i++) {
          earlier.putIfAbsent(before.found.get(i).identity(), before.layers.get(i));
        }
      }
      List<Integer> layers = new ArrayList<>();
      for (Found f : found) {
        layers.add(earlier.getOrDefault(f.identity(), layer));
      }
      return new Kept(layer, List.copyOf(found), List.copyOf(layers));
    }

    /** A whiteout removes {@code path} and what is under it; an opaque directory what is under it. */
    private void remove(String path, int layer, boolean itself) {
      String prefix = path.equals("/") ? "/" : path + "/";
      for (Iterator<Map.Entry<String, Kept>> it = byPath.entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<String, Kept> e = it.next();
        if (e.getValue().layer < layer && (itself && e.getKey().equals(path) || e.getKey().startsWith(prefix))) {
          it.remove();
        }
      }
      for (String p : OS_RELEASE) {
        if (osReleaseLayer.getOrDefault(p, layer) < layer && (itself && p.equals(path) || p.startsWith(prefix))) {
          osRelease.remove(p);
        }
        if (itself && p.equals(path) || p.startsWith(prefix)) {
          osReleaseLinks.remove(p);
        }
      }
    }

    private static List<Found> catalog(LayerWalker.Entry e, InputStream content) throws IOException {
      String path = e.path();
      if (Dpkg.wants(path)) {
        return Dpkg.parse(text(content, MAX_DATABASE), path);
      }
      if (Apk.wants(path)) {
        return Apk.parse(text(content, MAX_DATABASE), path);
      }
      if (Python.wants(path)) {
        return Python.parse(text(content, MAX_METADATA), path);
      }
      if (Npm.wants(path)) {
        return Npm.parse(content.readNBytes(MAX_METADATA), path);
      }
      if (JavaArchive.wants(path)) {
        return JavaArchive.read(content, e.size(), path);
      }
      if (e.executable() && e.size() >= 64) {
        Optional<GoBuildInfo.Info> info = GoBuildInfo.read(content, e.size());
        if (info.isPresent()) {
          return GoBuildInfo.packages(info.get(), path);
        }
      }
      return List.of();
    }

    private static String text(InputStream in, int max) throws IOException {
      byte[] bytes = in.readNBytes(max);
      String s = new String(bytes, StandardCharsets.UTF_8);
      if (bytes.length == max) {
        int cut = s.lastIndexOf("\n\n");
        s = cut < 0 ? "" : s.substring(0, cut); // drop the stanza the cap cut in two
      }
      return s;
    }

    /** {@code /etc/os-release}, following its usual link to {@code /usr/lib/os-release}. */
    Optional<Sbom.Distro> distro() {
      String text = osRelease.get("/etc/os-release");
      if (text == null && (osReleaseLinks.containsKey("/etc/os-release") || !osRelease.isEmpty())) {
        text = osRelease.get("/usr/lib/os-release");
      }
      return text == null ? Optional.empty() : OsRelease.parse(text);
    }
  }
}
