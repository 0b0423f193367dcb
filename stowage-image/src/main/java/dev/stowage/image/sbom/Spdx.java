package dev.stowage.image.sbom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.image.LayerWalker;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * Writes an {@link Sbom} as an SPDX 2.3 JSON document: the image is a package of purpose {@code
 * CONTAINER} that the document describes and that contains every other package; each package has
 * its purl as a {@code PACKAGE-MANAGER} external reference and its layer and metadata path in
 * {@code sourceInfo}. Licences that read as SPDX expressions are declared; others are {@code
 * NOASSERTION}. Stateless.
 */
public final class Spdx {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Pattern EXPRESSION =
      Pattern.compile("[A-Za-z0-9.+\\-]+(?:\\s+(?:AND|OR|WITH)\\s+[A-Za-z0-9.+\\-]+)*");
  private static final String NOASSERTION = "NOASSERTION";

  private Spdx() {}

  /** The document as a JSON string. */
  public static String write(Sbom sbom, SbomDocument doc) {
    JsonNodeFactory n = JsonNodeFactory.instance;
    ObjectNode root = n.objectNode();
    root.put("spdxVersion", "SPDX-2.3");
    root.put("dataLicense", "CC0-1.0");
    root.put("SPDXID", "SPDXRef-DOCUMENT");
    root.put("name", sbom.source());
    root.put("documentNamespace", "https://stowage.dev/spdxdocs/" + slug(sbom.source()) + "-" + doc.id());
    ObjectNode creation = root.putObject("creationInfo");
    creation.put("created", DateTimeFormatter.ISO_INSTANT.format(doc.created().truncatedTo(ChronoUnit.SECONDS)));
    creation.putArray("creators").add("Tool: stowage-" + doc.toolVersion());
    ArrayNode packages = root.putArray("packages");
    ArrayNode relationships = n.arrayNode();
    ObjectNode image = packages.addObject();
    image.put("SPDXID", "SPDXRef-Image");
    image.put("name", sbom.source());
    image.put("downloadLocation", NOASSERTION);
    image.put("filesAnalyzed", false);
    image.put("primaryPackagePurpose", "CONTAINER");
    sbom.distro().ifPresent(d -> image.put("comment", "distribution: " + d.prettyName()));
    relationships.addObject()
        .put("spdxElementId", "SPDXRef-DOCUMENT")
        .put("relationshipType", "DESCRIBES")
        .put("relatedSpdxElement", "SPDXRef-Image");
    int i = 0;
    for (SbomPackage p : sbom.packages()) {
      String id = "SPDXRef-Package-" + p.ecosystem().purlType() + "-" + ++i;
      ObjectNode o = packages.addObject();
      o.put("SPDXID", id);
      o.put("name", p.ecosystem() == SbomPackage.Ecosystem.JAVA ? p.properties().get("groupId") + ":" + p.name() : p.name());
      if (!p.version().isEmpty()) {
        o.put("versionInfo", p.version());
      }
      o.put("downloadLocation", NOASSERTION);
      o.put("filesAnalyzed", false);
      String licence = String.join(" AND ", p.licenses());
      o.put("licenseConcluded", NOASSERTION);
      o.put("licenseDeclared", p.licenses().size() == 1 && EXPRESSION.matcher(licence).matches() ? licence : NOASSERTION);
      o.put("copyrightText", NOASSERTION);
      LayerWalker.Layer layer = sbom.layers().get(p.layer());
      o.put("sourceInfo", "layer " + layer.index() + " (" + layer.digest() + ", " + layer.command() + "): " + p.path());
      o.put("primaryPackagePurpose", "LIBRARY");
      o.putArray("externalRefs").addObject()
          .put("referenceCategory", "PACKAGE-MANAGER")
          .put("referenceType", "purl")
          .put("referenceLocator", p.purl());
      relationships.addObject()
          .put("spdxElementId", "SPDXRef-Image")
          .put("relationshipType", "CONTAINS")
          .put("relatedSpdxElement", id);
    }
    root.set("relationships", relationships);
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e); // a tree of plain nodes always serializes
    }
  }

  /** The source as the last part of a URI path. */
  private static String slug(String source) {
    String s = source.replaceAll("[^A-Za-z0-9._\\-]+", "-");
    return s.length() > 80 ? s.substring(s.length() - 80) : s;
  }
}
