package dev.stowage.image.sbom;

import dev.stowage.image.LayerWalker;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.Evidence;
import org.cyclonedx.model.License;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.component.evidence.Occurrence;
import org.cyclonedx.model.metadata.ToolInformation;

/**
 * Writes an {@link Sbom} as a CycloneDX 1.6 JSON document: the image is the metadata component (type
 * {@code container}), every package a {@code library} component with its purl, licences by name,
 * the path of its metadata as an evidence occurrence, and the layer as {@code stowage:layer:*}
 * properties. Stateless.
 */
public final class CycloneDx {
  private CycloneDx() {}

  /** The document as a JSON string. */
  public static String write(Sbom sbom, SbomDocument doc) {
    Bom bom = new Bom();
    bom.setSerialNumber("urn:uuid:" + doc.id());
    Metadata metadata = new Metadata();
    metadata.setTimestamp(Date.from(doc.created()));
    Component tool = new Component();
    tool.setType(Component.Type.APPLICATION);
    tool.setName("stowage");
    tool.setVersion(doc.toolVersion());
    ToolInformation tools = new ToolInformation();
    tools.setComponents(List.of(tool));
    metadata.setToolChoice(tools);
    Component image = new Component();
    image.setType(Component.Type.CONTAINER);
    image.setName(sbom.source());
    image.setBomRef("image");
    sbom.distro().ifPresent(d -> image.addProperty(property("stowage:distro", d.qualifier())));
    metadata.setComponent(image);
    bom.setMetadata(metadata);

    List<Component> components = new ArrayList<>();
    Dependency root = new Dependency("image");
    Map<String, Integer> refs = new TreeMap<>();
    for (SbomPackage p : sbom.packages()) {
      Component c = new Component();
      c.setType(Component.Type.LIBRARY);
      String ref = p.purl();
      int n = refs.merge(ref, 1, Integer::sum);
      c.setBomRef(n == 1 ? ref : ref + "#" + n); // the same package in two places
      if (p.ecosystem() == SbomPackage.Ecosystem.JAVA) {
        c.setGroup(p.properties().get("groupId"));
      }
      c.setName(p.name());
      if (!p.version().isEmpty()) {
        c.setVersion(p.version());
      }
      c.setPurl(p.purl());
      if (!p.licenses().isEmpty()) {
        LicenseChoice licences = new LicenseChoice();
        for (String l : p.licenses()) {
          License licence = new License();
          licence.setName(l);
          licences.addLicense(licence);
        }
        c.setLicenses(licences);
      }
      Occurrence occurrence = new Occurrence();
      occurrence.setLocation(p.path());
      Evidence evidence = new Evidence();
      evidence.setOccurrences(List.of(occurrence));
      c.setEvidence(evidence);
      c.addProperty(property("stowage:package:type", p.ecosystem().name().toLowerCase(java.util.Locale.ROOT)));
      LayerWalker.Layer layer = sbom.layers().get(p.layer());
      c.addProperty(property("stowage:layer:index", Integer.toString(layer.index())));
      c.addProperty(property("stowage:layer:digest", layer.digest()));
      c.addProperty(property("stowage:layer:command", layer.command()));
      for (Map.Entry<String, String> e : new TreeMap<>(p.properties()).entrySet()) {
        if (!e.getKey().equals("groupId")) {
          c.addProperty(property("stowage:package:" + e.getKey(), e.getValue()));
        }
      }
      components.add(c);
      root.addDependency(new Dependency(c.getBomRef()));
    }
    bom.setComponents(components);
    bom.addDependency(root);
    try {
      return BomGeneratorFactory.createJson(Version.VERSION_16, bom).toJsonString();
    } catch (GeneratorException e) {
      throw new IllegalStateException("CycloneDX generation failed: " + e.getMessage(), e);
    }
  }

  private static Property property(String name, String value) {
    Property p = new Property();
    p.setName(name);
    p.setValue(value);
    return p;
  }
}
