package dev.stowage.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageDiffTest {
  private static ImageDiff.Result diff(String a, String b) throws Exception {
    return ImageDiff.compare(ImageAnalyzer.create(), ImageSource.parse(ImageAnalyzerTest.fixtures().resolve(a).toString()),
        ImageSource.parse(ImageAnalyzerTest.fixtures().resolve(b).toString()), Optional.empty());
  }

  @Test
  void anImageAgainstItselfHasNoChanges() throws Exception {
    ImageDiff.Result d = diff("test-docker-image.tar", "test-docker-image.tar");
    assertThat(d.layers()).hasSize(14).allSatisfy(l -> {
      assertThat(l.status()).isEqualTo(ImageDiff.Status.SAME);
      assertThat(l.sizeDelta()).isZero();
      assertThat(l.sharedDigest()).isTrue();
    });
    assertThat(d.paths()).isEmpty();
    assertThat(d.sizeDelta()).isZero();
  }

  /**
   * The dive image's merged tree holds 405 files (tar -tvf: the base layer's 398 non-directory
   * entries, 1,154,361 bytes; then /somefile.txt, /root/saved.txt, /root/.saved.txt,
   * /tmp/saved.again1.txt and /root/.data/saved.again2.txt of 6405 bytes, tag.sh 917 and test.sh
   * 1270); the OCI image holds /README.md only (11,189 bytes).
   */
  @Test
  void replacingEveryFileWithOneReadme() throws Exception {
    ImageDiff.Result d = diff("test-docker-image.tar", "test-oci-gzip-image.tar");
    assertThat(d.count(ImageDiff.Status.REMOVED)).isEqualTo(405);
    assertThat(d.count(ImageDiff.Status.ADDED)).isEqualTo(1);
    assertThat(d.count(ImageDiff.Status.CHANGED)).isZero();
    assertThat(d.paths()).contains(new ImageDiff.PathChange("/README.md", ImageDiff.Status.ADDED, 0, 11189));
    assertThat(d.paths()).contains(new ImageDiff.PathChange("/bin/[", ImageDiff.Status.REMOVED, 1075464, 0));
    assertThat(d.filesDelta()).isEqualTo(11189 - (1154361 + 5 * 6405 + 917 + 1270));
    assertThat(d.sizeDelta()).isEqualTo(11189 - 1220598);
    assertThat(d.layers()).extracting(ImageDiff.LayerChange::status)
        .containsExactly(ImageDiff.Status.CHANGED, ImageDiff.Status.REMOVED, ImageDiff.Status.REMOVED,
            ImageDiff.Status.REMOVED, ImageDiff.Status.REMOVED, ImageDiff.Status.REMOVED, ImageDiff.Status.REMOVED,
            ImageDiff.Status.REMOVED, ImageDiff.Status.REMOVED, ImageDiff.Status.REMOVED, ImageDiff.Status.REMOVED,
            ImageDiff.Status.REMOVED, ImageDiff.Status.REMOVED, ImageDiff.Status.REMOVED);
    assertThat(d.layers().get(1).sizeDelta()).isEqualTo(-6405);
  }

  /** Same README in other tar headers and compressions: layers differ, files do not. */
  @Test
  void sameFilesInOtherCompressionsDifferOnlyInLayerDigestsOrNotAtAll() throws Exception {
    ImageDiff.Result d = diff("test-oci-gzip-image.tar", "test-oci-zstd-image.tar");
    assertThat(d.paths()).isEmpty();
    assertThat(d.layers()).singleElement().satisfies(l -> assertThat(l.status()).isEqualTo(ImageDiff.Status.SAME));
    ImageDiff.Result e = diff("test-oci-gzip-image.tar", "test-oci-estargz-image.tar");
    assertThat(e.paths()).isEmpty();
    assertThat(e.layers()).singleElement().satisfies(l -> assertThat(l.status()).isEqualTo(ImageDiff.Status.CHANGED));
  }
}
