package dev.stowage.image.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.stowage.image.DockerArchive;
import dev.stowage.image.ImageSource;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Formats this machine has no real file of: Alpine's apk database and a Go binary of a linker
 * older than 1.18 (pointer format), written here byte by byte after their specifications.
 */
class CatalogFormatsTest {
  @TempDir Path dir;

  private Sbom scan(DockerArchive image) throws Exception {
    return SbomScanner.create().scan(ImageSource.parse("docker-archive:" + image.write(dir.resolve("i.tar"))), Optional.empty());
  }

  @Test
  void alpinePackagesWithDistroQualifier() throws Exception {
    String installed = """
        C:Q1sMmQJcUOhxWnKbC9O2oR2ORy1F8=
        P:musl
        V:1.2.4-r2
        A:x86_64
        S:383152
        I:622592
        T:the musl c library (libc) implementation
        U:https://musl.libc.org/
        L:MIT
        o:musl
        F:lib
        R:ld-musl-x86_64.so.1

        C:Q1pUp5Mk0ouNgCFP1B0aW5mY1X/5E=
        P:busybox
        V:1.36.1-r5
        A:x86_64
        L:GPL-2.0-only
        o:busybox
        """;
    DockerArchive image = new DockerArchive();
    image.layer("ADD alpine-minirootfs.tar.gz /")
        .file("/etc/os-release", "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.18.4\nPRETTY_NAME=\"Alpine Linux v3.18\"\n".getBytes(StandardCharsets.UTF_8))
        .file("/lib/apk/db/installed", installed.getBytes(StandardCharsets.UTF_8));
    Sbom sbom = scan(image);
    assertThat(sbom.packages()).extracting(SbomPackage::name, SbomPackage::version, SbomPackage::purl, SbomPackage::licenses)
        .containsExactly(
            tuple("busybox", "1.36.1-r5", "pkg:apk/alpine/busybox@1.36.1-r5?arch=x86_64&distro=alpine-3.18.4", java.util.List.of("GPL-2.0-only")),
            tuple("musl", "1.2.4-r2", "pkg:apk/alpine/musl@1.2.4-r2?arch=x86_64&distro=alpine-3.18.4", java.util.List.of("MIT")));
  }

  private static final byte[] SENTINEL = new byte[16];

  /**
   * A minimal ELF64 binary: headers and text (R+X), read-only data with the two strings, and the
   * writable segment with the build-info header; {@code inline} writes Go 1.18's format instead.
   */
  static byte[] goBinary(String goVersion, String modinfo, boolean inline) {
    ByteBuffer b = ByteBuffer.allocate(0x3000).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
    b.putShort(0x10, (short) 2).putShort(0x12, (short) 62).putInt(0x14, 1);
    b.putLong(0x20, 64).putShort(0x34, (short) 64).putShort(0x36, (short) 56).putShort(0x38, (short) 3);
    long[][] segments = {{5, 0, 0x400000}, {4, 0x1000, 0x401000}, {6, 0x2000, 0x402000}}; // flags, offset, vaddr
    for (int i = 0; i < 3; i++) {
      int p = 64 + i * 56;
      b.putInt(p, 1).putInt(p + 4, (int) segments[i][0]).putLong(p + 8, segments[i][1]).putLong(p + 16, segments[i][2])
          .putLong(p + 24, segments[i][2]).putLong(p + 32, 0x1000).putLong(p + 40, 0x1000).putLong(p + 48, 0x1000);
    }
    byte[] version = goVersion.getBytes(StandardCharsets.UTF_8);
    byte[] mod = (new String(SENTINEL, StandardCharsets.ISO_8859_1) + modinfo + new String(SENTINEL, StandardCharsets.ISO_8859_1))
        .getBytes(StandardCharsets.ISO_8859_1);
    b.position(0x2000);
    b.put("\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1)).put((byte) 8).put((byte) (inline ? 2 : 0));
    if (inline) {
      b.position(0x2020);
      b.put((byte) version.length).put(version);
      b.put((byte) (0x80 | mod.length & 0x7f)).put((byte) (mod.length >> 7)).put(mod);
    } else {
      b.putLong(0x2010, 0x402100).putLong(0x2018, 0x402110);
      b.putLong(0x2100, 0x401000).putLong(0x2108, version.length);
      b.putLong(0x2110, 0x401100).putLong(0x2118, mod.length);
      b.put(0x1000, version);
      b.put(0x1100, mod);
    }
    return b.array();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void goBuildInfoInBothFormats(boolean inline) throws Exception {
    String modinfo = "path\texample.com/app/cmd/app\n"
        + "mod\texample.com/app\t(devel)\t\n"
        + "dep\tgithub.com/pkg/errors\tv0.9.1\th1:FEBLx1zS214owpjy7qsBeixbURkuhQAwrK5UwLGTwt4=\n"
        + "dep\tgolang.org/x/sys\tv0.1.0\th1:kunALQeHf1/185U1i0GOB/textSqmJnUkoYhM4Ncr7QQ=\n"
        + "=>\tgithub.com/fork/sys\tv0.1.1\th1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n"
        + "build\t-compiler=gc\n";
    DockerArchive image = new DockerArchive();
    image.layer("COPY app /usr/local/bin/app").file("/usr/local/bin/app", goBinary("go1.16.15", modinfo, inline), 0755);
    Sbom sbom = scan(image);
    assertThat(sbom.packages()).allSatisfy(p -> assertThat(p.properties()).containsEntry("goVersion", "go1.16.15"));
    assertThat(sbom.packages()).extracting(SbomPackage::name, SbomPackage::version, SbomPackage::purl).containsExactly(
        tuple("example.com/app", "(devel)", "pkg:golang/example.com/app@%28devel%29"),
        tuple("github.com/fork/sys", "v0.1.1", "pkg:golang/github.com/fork/sys@v0.1.1"),
        tuple("github.com/pkg/errors", "v0.9.1", "pkg:golang/github.com/pkg/errors@v0.9.1"),
        tuple("stdlib", "1.16.15", "pkg:golang/stdlib@1.16.15"));
    assertThat(sbom.packages().get(1).properties()).containsEntry("replaces", "golang.org/x/sys@v0.1.0");
  }

  @Test
  void aBinaryWithoutExecuteBitsOrWithoutBuildInfoNamesNothing() throws Exception {
    byte[] go = goBinary("go1.16.15", "path\tx\n", false);
    byte[] none = goBinary("go1.16.15", "path\tx\n", false);
    none[0x2001] = 'X'; // no magic
    DockerArchive image = new DockerArchive();
    image.layer("COPY . /").file("/data/app.bin", go, 0644).file("/usr/bin/other", none, 0755);
    assertThat(scan(image).packages()).isEmpty();
  }

  @Test
  void brokenArchivesAndMetadataNameNothingAndStopNothing() throws Exception {
    Path jar = Path.of(com.fasterxml.jackson.databind.ObjectMapper.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    byte[] whole = java.nio.file.Files.readAllBytes(jar);
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2); // no central directory
    DockerArchive image = new DockerArchive();
    image.layer("COPY . /")
        .file("/app/lib/truncated.jar", cut)
        .file("/app/lib/text.jar", "not a zip".getBytes(StandardCharsets.UTF_8))
        .file("/app/node_modules/bad/package.json", "{\"name\": ".getBytes(StandardCharsets.UTF_8))
        .file("/app/node_modules/list/package.json", "[1, 2]".getBytes(StandardCharsets.UTF_8))
        .file("/usr/lib/python3/dist-packages/x-1.dist-info/METADATA", "Metadata-Version: 2.1\n\nName: x\n".getBytes(StandardCharsets.UTF_8))
        .file("/usr/local/bin/tool", java.util.Arrays.copyOf(goBinary("go1.16.15", "path\tx\n", false), 0x1800), 0755)
        .file("/app/lib/" + jar.getFileName(), whole);
    Sbom sbom = scan(image);
    // only the intact jar names packages; each broken file is passed over
    assertThat(sbom.packages()).extracting(SbomPackage::path).containsOnly("/app/lib/" + jar.getFileName());
    assertThat(sbom.packages()).extracting(SbomPackage::name).contains("jackson-databind");
  }
}
