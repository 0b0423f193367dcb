package dev.stowage.image.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.image.DockerArchive;
import dev.stowage.image.ImageSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SbomScannerTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  private Sbom scan(DockerArchive image) throws Exception {
    Path tar = image.write(dir.resolve("image.tar"));
    return SbomScanner.create().scan(ImageSource.parse("docker-archive:" + tar), Optional.empty());
  }

  private static DockerArchive debianBase() throws IOException {
    DockerArchive image = new DockerArchive();
    image.layer("ADD rootfs.tar.xz /")
        .copy(RealFiles.need(RealFiles.OS_RELEASE, "base-files"), "/usr/lib/os-release")
        .symlink("/etc/os-release", "../usr/lib/os-release")
        .copy(RealFiles.need(RealFiles.DPKG_STATUS, "dpkg"), "/var/lib/dpkg/status");
    return image;
  }

  private static List<SbomPackage> of(Sbom sbom, SbomPackage.Ecosystem e) {
    return sbom.packages().stream().filter(p -> p.ecosystem() == e).toList();
  }

  @Test
  void debianPackagesAreWhatDpkgQuerySays() throws Exception {
    Sbom sbom = scan(debianBase());
    Map<String, String> expected = RealFiles.dpkgQuery();
    Map<String, String> found = new TreeMap<>();
    for (SbomPackage p : of(sbom, SbomPackage.Ecosystem.DPKG)) {
      found.put(p.name(), p.version() + " " + p.properties().get("arch"));
      assertThat(p.layer()).isZero();
      assertThat(p.path()).isEqualTo("/var/lib/dpkg/status");
    }
    assertThat(found).isEqualTo(expected);
    String versionId = RealFiles.osRelease("VERSION_ID");
    assertThat(sbom.distro()).get().extracting(Sbom.Distro::id, Sbom.Distro::versionId)
        .containsExactly(RealFiles.osRelease("ID"), versionId);
    SbomPackage dpkg = of(sbom, SbomPackage.Ecosystem.DPKG).stream().filter(p -> p.name().equals("dpkg")).findFirst().orElseThrow();
    String[] versionArch = expected.get("dpkg").split(" ");
    assertThat(dpkg.purl()).isEqualTo("pkg:deb/debian/dpkg@" + versionArch[0].replace("+", "%2B").replace(":", "%3A")
        + "?arch=" + versionArch[1] + "&distro=debian-" + versionId);
  }

  @Test
  void distrolessStatusDirectoryHasOneFilePerPackage() throws Exception {
    String status = Files.readString(RealFiles.DPKG_STATUS);
    List<String> stanzas = Stream.of(status.split("\n\n")).filter(s -> s.contains("Status: install ok installed")).limit(5).toList();
    DockerArchive image = new DockerArchive();
    DockerArchive.Layer layer = image.layer("COPY status.d /var/lib/dpkg/status.d");
    Map<String, String> expected = new TreeMap<>();
    for (String s : stanzas) {
      Map<String, String> f = Rfc822.header(s);
      String name = f.get("package");
      expected.put(name, f.get("version"));
      // distroless writes the stanza without its Status field, and md5sums beside it
      layer.file("/var/lib/dpkg/status.d/" + name, s.replaceAll("(?m)^Status:.*\n", "").getBytes(StandardCharsets.UTF_8));
      layer.file("/var/lib/dpkg/status.d/" + name + ".md5sums", "d41d8cd98f00b204e9800998ecf8427e  usr/bin/x\n".getBytes(StandardCharsets.UTF_8));
    }
    Sbom sbom = scan(image);
    assertThat(of(sbom, SbomPackage.Ecosystem.DPKG).stream().collect(Collectors.toMap(SbomPackage::name, SbomPackage::version)))
        .isEqualTo(expected);
    assertThat(sbom.distro()).isEmpty();
    assertThat(of(sbom, SbomPackage.Ecosystem.DPKG).get(0).purl()).doesNotContain("distro=");
  }

  @Test
  void deletedAndRewrittenFilesFollowTheLayers() throws Exception {
    List<Path> infos = RealFiles.distInfos();
    assertThat(infos).hasSizeGreaterThanOrEqualTo(2);
    Path kept = infos.get(0);
    Path deleted = infos.get(1);
    String status = Files.readString(RealFiles.DPKG_STATUS);
    int lastStanza = status.stripTrailing().lastIndexOf("\n\n");
    String lastPackage = Rfc822.header(status.substring(lastStanza + 2)).get("package");
    DockerArchive image = new DockerArchive();
    String site = "/usr/lib/python3/dist-packages/";
    image.layer("ADD rootfs.tar.xz /")
        .file("/var/lib/dpkg/status", status.substring(0, lastStanza + 1).getBytes(StandardCharsets.UTF_8))
        .copy(kept.resolve("METADATA"), site + kept.getFileName() + "/METADATA")
        .copy(deleted.resolve("METADATA"), site + deleted.getFileName() + "/METADATA")
        .file("/app/node_modules/left-pad/package.json", "{\"name\":\"left-pad\",\"version\":\"1.3.0\"}".getBytes(StandardCharsets.UTF_8));
    image.layer("RUN pip uninstall -y x && rm -rf /app/node_modules")
        .whiteout(site + deleted.getFileName())
        .directory("/app/node_modules")
        .opaque("/app/node_modules")
        .file("/app/node_modules/right-pad/package.json", "{\"name\":\"right-pad\",\"version\":\"1.0.1\"}".getBytes(StandardCharsets.UTF_8));
    image.layer("RUN apt-get install -y " + lastPackage)
        .copy(RealFiles.DPKG_STATUS, "/var/lib/dpkg/status");
    Sbom sbom = scan(image);

    List<SbomPackage> python = of(sbom, SbomPackage.Ecosystem.PYTHON);
    assertThat(python).singleElement().satisfies(p -> {
      assertThat(RealFiles.normalizePython(p.name()))
          .isEqualTo(RealFiles.normalizePython(kept.getFileName().toString().replaceFirst("-[^-]+\\.dist-info$", "")));
      assertThat(p.layer()).isZero();
    });
    assertThat(of(sbom, SbomPackage.Ecosystem.NPM)).extracting(SbomPackage::name, SbomPackage::layer)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("right-pad", 1));
    Map<String, Integer> layers = new HashMap<>();
    for (SbomPackage p : of(sbom, SbomPackage.Ecosystem.DPKG)) {
      layers.put(p.name(), p.layer());
      assertThat(p.path()).isEqualTo("/var/lib/dpkg/status");
    }
    assertThat(layers).hasSize(RealFiles.dpkgQuery().size());
    assertThat(layers.get(lastPackage)).isEqualTo(2);
    assertThat(layers.entrySet().stream().filter(e -> e.getValue() == 2).map(Map.Entry::getKey)).containsExactly(lastPackage);
  }

  @Test
  void pythonPackagesFromDistInfoAndEggInfo() throws Exception {
    DockerArchive image = new DockerArchive();
    DockerArchive.Layer layer = image.layer("RUN apt-get install -y python3-yaml");
    Map<String, String> expected = new TreeMap<>();
    for (Path info : RealFiles.distInfos()) {
      String dirName = info.getFileName().toString();
      Path target = Path.of("/usr/lib/python3/dist-packages", dirName, "METADATA");
      layer.copy(info.resolve("METADATA"), target.toString());
      // NAME-VERSION.dist-info, the name with - as _ (PEP 427)
      String base = dirName.substring(0, dirName.length() - ".dist-info".length());
      int dash = base.lastIndexOf('-');
      expected.put(RealFiles.normalizePython(base.substring(0, dash)), base.substring(dash + 1));
    }
    try (Stream<Path> s = Files.list(RealFiles.DIST_PACKAGES)) {
      List<Path> eggs = s.filter(p -> p.getFileName().toString().matches("[A-Za-z0-9_.]+-[0-9][^-]*\\.egg-info")).sorted().limit(3).toList();
      for (Path egg : eggs) {
        String name = egg.getFileName().toString();
        String base = name.substring(0, name.length() - ".egg-info".length());
        int dash = base.indexOf('-');
        expected.put(RealFiles.normalizePython(base.substring(0, dash)), base.substring(dash + 1));
        if (Files.isDirectory(egg)) {
          layer.copy(egg.resolve("PKG-INFO"), "/usr/lib/python3/dist-packages/" + name + "/PKG-INFO");
        } else {
          layer.copy(egg, "/usr/lib/python3/dist-packages/" + name);
        }
      }
    }
    Sbom sbom = scan(image);
    Map<String, String> found = new TreeMap<>();
    for (SbomPackage p : of(sbom, SbomPackage.Ecosystem.PYTHON)) {
      found.put(RealFiles.normalizePython(p.name()), p.version());
      assertThat(p.purl()).isEqualTo("pkg:pypi/" + RealFiles.normalizePython(p.name()) + "@" + p.version());
    }
    assertThat(found).isEqualTo(expected);
  }

  @Test
  void npmPackagesInNodeModulesButNotTheProjectItself() throws Exception {
    Path npm = RealFiles.need(RealFiles.NPM, "nodejs");
    DockerArchive image = new DockerArchive();
    DockerArchive.Layer layer = image.layer("RUN npm ci");
    layer.file("/app/package.json", "{\"name\":\"my-app\",\"version\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
    Map<String, String> expected = new TreeMap<>();
    List<Path> manifests;
    try (Stream<Path> s = Files.walk(npm)) {
      manifests = s.filter(p -> p.getFileName().toString().equals("package.json")).sorted().toList();
    }
    for (Path m : manifests) {
      String rel = npm.getParent().getParent().relativize(m).toString(); // lib/node_modules/npm/...
      String image_path = "/usr/" + rel;
      layer.copy(m, image_path);
      Path pkgDir = m.getParent();
      boolean direct = pkgDir.getParent().getFileName().toString().equals("node_modules")
          || pkgDir.getParent().getFileName().toString().startsWith("@")
              && pkgDir.getParent().getParent().getFileName().toString().equals("node_modules");
      JsonNode json = MAPPER.readTree(m.toFile());
      if (direct && json.hasNonNull("name") && json.hasNonNull("version")) {
        expected.merge(json.get("name").asText() + "@" + json.get("version").asText(), image_path, (a, b) -> a);
      }
    }
    Sbom sbom = scan(image);
    Map<String, String> found = new TreeMap<>();
    for (SbomPackage p : of(sbom, SbomPackage.Ecosystem.NPM)) {
      found.merge(p.name() + "@" + p.version(), p.path(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
    }
    assertThat(found.keySet()).isEqualTo(expected.keySet()).doesNotContain("my-app@1.0.0");
    assertThat(found.keySet()).anyMatch(k -> k.startsWith("@")); // scoped packages
    SbomPackage scoped = of(sbom, SbomPackage.Ecosystem.NPM).stream().filter(p -> p.name().startsWith("@")).findFirst().orElseThrow();
    String[] scopeName = scoped.name().substring(1).split("/");
    assertThat(scoped.purl()).isEqualTo("pkg:npm/%40" + scopeName[0] + "/" + scopeName[1] + "@" + scoped.version());
  }

  /** A jar on the test class path, from the local Maven repository: group, artifact, version from its path. */
  private static Path jarOf(Class<?> c) throws Exception {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static String coordinates(Path jar) {
    Path version = jar.getParent();
    Path artifact = version.getParent();
    List<String> group = new ArrayList<>();
    Path g = artifact.getParent();
    while (!g.getFileName().toString().equals("repository")) {
      group.add(0, g.getFileName().toString());
      g = g.getParent();
    }
    return String.join(".", group) + ":" + artifact.getFileName() + ":" + version.getFileName();
  }

  @Test
  void javaArchivesPlainAndNestedAsSpringBootPacksThem() throws Exception {
    Path databind = jarOf(ObjectMapper.class);
    Path compress = jarOf(ZipArchiveOutputStream.class);
    Path core = jarOf(com.fasterxml.jackson.core.JsonParser.class);
    Path manifestOnly = jarOf(manifestOnlyClass());
    // A Spring Boot layout: the application's classes and its libraries stored uncompressed in BOOT-INF/lib.
    ByteArrayOutputStream fat = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(fat)) {
      stored(zip, "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nMain-Class: org.springframework.boot.loader.launch.JarLauncher\r\nImplementation-Title: shop\r\nImplementation-Version: 2.4.0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
      stored(zip, "BOOT-INF/lib/" + compress.getFileName(), Files.readAllBytes(compress));
      stored(zip, "BOOT-INF/lib/" + core.getFileName(), Files.readAllBytes(core));
    }
    DockerArchive image = new DockerArchive();
    image.layer("COPY target/*.jar /app/")
        .copy(databind, "/app/lib/" + databind.getFileName())
        .copy(manifestOnly, "/app/lib/" + manifestOnly.getFileName())
        .file("/app/shop-2.4.0.jar", fat.toByteArray());
    Sbom sbom = scan(image);
    List<SbomPackage> java = of(sbom, SbomPackage.Ecosystem.JAVA);
    List<String> found = java.stream().map(p -> p.properties().get("groupId") + ":" + p.name() + ":" + p.version() + " " + p.path()).toList();
    assertThat(found).contains(
        coordinates(databind) + " /app/lib/" + databind.getFileName(),
        coordinates(compress) + " /app/shop-2.4.0.jar!/BOOT-INF/lib/" + compress.getFileName(),
        coordinates(core) + " /app/shop-2.4.0.jar!/BOOT-INF/lib/" + core.getFileName(),
        "shop:shop:2.4.0 /app/shop-2.4.0.jar");
    String[] pico = coordinates(manifestOnly).split(":");
    assertThat(java).filteredOn(p -> p.path().endsWith(manifestOnly.getFileName().toString()))
        .singleElement().satisfies(p -> {
          assertThat(p.name()).isEqualTo(pico[1]);
          assertThat(p.version()).isEqualTo(pico[2]);
        });
    String[] db = coordinates(databind).split(":");
    assertThat(java).filteredOn(p -> p.name().equals(db[1])).first().extracting(SbomPackage::purl)
        .isEqualTo("pkg:maven/" + db[0] + "/" + db[1] + "@" + db[2]);
  }

  private static Class<?> manifestOnlyClass() throws ClassNotFoundException {
    return Class.forName("org.junit.jupiter.api.Test"); // built with Gradle: no pom.properties
  }

  private static void stored(ZipArchiveOutputStream zip, String name, byte[] bytes) throws IOException {
    ZipArchiveEntry e = new ZipArchiveEntry(name);
    e.setMethod(ZipArchiveEntry.STORED);
    e.setSize(bytes.length);
    CRC32 crc = new CRC32();
    crc.update(bytes);
    e.setCrc(crc.getValue());
    zip.putArchiveEntry(e);
    zip.write(bytes);
    zip.closeArchiveEntry();
  }

  @Test
  void goBinaryBuildInfo() throws Exception {
    Path proxy = RealFiles.need(RealFiles.DOCKER_PROXY, "docker.io");
    byte[] bytes = Files.readAllBytes(proxy);
    GoFacts facts = GoFacts.of(bytes);
    DockerArchive image = new DockerArchive();
    image.layer("COPY docker-proxy /usr/sbin/").copy(proxy, "/usr/sbin/docker-proxy")
        .file("/usr/share/doc/not-a-binary", "\u007fELF but only text".getBytes(StandardCharsets.ISO_8859_1), 0755);
    Sbom sbom = scan(image);
    List<SbomPackage> go = of(sbom, SbomPackage.Ecosystem.GO);
    assertThat(go).allSatisfy(p -> {
      assertThat(p.path()).isEqualTo("/usr/sbin/docker-proxy");
      assertThat(p.properties()).containsEntry("goVersion", facts.goVersion());
    });
    assertThat(go).extracting(SbomPackage::name).contains("stdlib").containsAll(facts.modules());
    assertThat(go).filteredOn(p -> p.name().equals("stdlib")).singleElement()
        .extracting(SbomPackage::purl).isEqualTo("pkg:golang/stdlib@" + facts.goVersion().substring(2));
  }

  /** Go version and module paths read from the whole file: the magic, then two varint strings. */
  record GoFacts(String goVersion, List<String> modules) {
    static GoFacts of(byte[] file) {
      String s = new String(file, StandardCharsets.ISO_8859_1);
      int at = s.indexOf("\u00ff Go buildinf:");
      assertThat(at).as("Go build info header").isNotNegative();
      assertThat(file[at + 15] & 2).as("Go 1.18+ inline format").isEqualTo(2);
      int[] pos = {at + 32};
      String version = string(file, pos);
      String mod = string(file, pos);
      mod = mod.substring(16, mod.length() - 16); // the sentinels around the module information
      List<String> modules = new ArrayList<>();
      for (String line : mod.split("\n")) {
        String[] f = line.split("\t");
        if ((f[0].equals("path") && !mod.contains("\nmod\t") || f[0].equals("mod") || f[0].equals("dep")) && f.length > 1) {
          modules.add(f[1]);
        }
      }
      assertThat(modules).isNotEmpty();
      return new GoFacts(version, modules);
    }

    private static String string(byte[] b, int[] pos) {
      int len = 0;
      int shift = 0;
      int c;
      do {
        c = b[pos[0]++] & 0xff;
        len |= (c & 0x7f) << shift;
        shift += 7;
      } while (c >= 0x80);
      String out = new String(b, pos[0], len, StandardCharsets.ISO_8859_1);
      pos[0] += len;
      return out;
    }
  }
}
