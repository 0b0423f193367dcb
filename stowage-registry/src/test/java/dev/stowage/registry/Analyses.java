package dev.stowage.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.dockerfile.ImageReference;
import dev.stowage.image.ImageAnalyzer;
import dev.stowage.image.ImageReport;
import dev.stowage.image.ImageSource;
import java.util.List;
import java.util.Optional;

/**
 * Analyses of pulled and local images, compared on everything but the source name and the layers'
 * compressed sizes (a push may compress a layer the archive holds uncompressed).
 */
final class Analyses {
  private static final ImageAnalyzer ANALYZER = ImageAnalyzer.create();

  private Analyses() {}

  static ImageReport local(String source) throws Exception {
    return ANALYZER.analyze(ImageSource.parse(source));
  }

  static ImageReport pulled(RegistryClient client, String reference, Optional<Platform> platform) throws Exception {
    RegistryImage image = RegistryImage.open(client, ImageReference.parse(reference), platform);
    return ANALYZER.analyze(image, Optional.empty());
  }

  static void assertSameAnalysis(ImageReport pulled, ImageReport local) {
    assertThat(pulled.layers()).isNotEmpty();
    assertThat(renamed(pulled)).isEqualTo(renamed(local));
  }

  private static ImageReport renamed(ImageReport r) {
    List<ImageReport.Layer> layers =
        r.layers().stream()
            .map(l -> new ImageReport.Layer(l.index(), l.digest(), l.sizeBytes(), l.command(), l.added(),
                l.changed(), l.removed(), -1, l.uncompressedBytes(), l.addedBytes(), l.changedBytes(),
                l.removedBytes(), l.createdBy(), l.historyIndex()))
            .toList();
    return new ImageReport(
        "image", layers, r.sizeBytes(), r.userSizeBytes(), r.efficiency(), r.wastedBytes(),
        r.wastedUserPercent(), r.inefficiencies(), r.largestFiles(), r.largestDirectories());
  }
}
