package dev.stowage.lint.rules.size;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What a single-module Maven project's runnable jar needs beside it, read from its {@code
 * pom.xml}: the folder {@code maven-dependency-plugin:copy-dependencies} fills under {@code
 * target/} when the jar's manifest names those libraries through {@code maven-jar-plugin}'s {@code
 * addClasspath} with the same folder as {@code classpathPrefix}. With that, the jar and that folder
 * are all {@code java -jar} reads of {@code target/}. Anything less plain (a parent POM, modules,
 * profiles, another build directory, a hand-written {@code Class-Path}, another classpath layout)
 * gives nothing, and the whole {@code target/} is copied. Stateless.
 */
final class MavenJarLayout {
  private MavenJarLayout() {}

  /** The library folder's name under {@code target/} ({@code lib}), if the POM says so plainly. */
  static Optional<String> libraryFolder(Path pom) {
    Element project;
    try (InputStream in = Files.newInputStream(pom)) {
      project = parser().parse(in).getDocumentElement();
    } catch (IOException | SAXException | ParserConfigurationException e) {
      return Optional.empty();
    }
    if (!project.getTagName().equals("project")
        || child(project, "parent").isPresent()
        || child(project, "modules").isPresent()
        || child(project, "profiles").isPresent()
        || !text(child(project, "packaging")).orElse("jar").equals("jar")) {
      return Optional.empty();
    }
    Optional<Element> build = child(project, "build");
    if (build.isEmpty() || child(build.get(), "directory").isPresent()) {
      return Optional.empty();
    }
    Optional<String> libs = Optional.empty();
    Optional<String> prefix = Optional.empty();
    for (Element plugin : children(child(build.get(), "plugins"), "plugin")) {
      String id = text(child(plugin, "artifactId")).orElse("");
      if (id.equals("maven-dependency-plugin")) {
        for (Element execution : children(child(plugin, "executions"), "execution")) {
          boolean copies = children(child(execution, "goals"), "goal").stream()
              .anyMatch(g -> g.getTextContent().strip().equals("copy-dependencies"));
          Optional<String> out = text(child(execution, "configuration").flatMap(c -> child(c, "outputDirectory")));
          if (copies && out.isPresent() && out.get().matches("\\$\\{project\\.build\\.directory}/[\\w.-]+")) {
            libs = Optional.of(out.get().substring(out.get().indexOf('/') + 1));
          }
        }
      } else if (id.equals("maven-jar-plugin")) {
        Optional<Element> archive = child(plugin, "configuration").flatMap(c -> child(c, "archive"));
        Optional<Element> manifest = archive.flatMap(a -> child(a, "manifest"));
        if (archive.flatMap(a -> child(a, "manifestEntries")).flatMap(e -> child(e, "Class-Path")).isPresent()
            || archive.flatMap(a -> child(a, "manifestFile")).isPresent()
            || manifest.flatMap(m -> child(m, "classpathLayoutType")).isPresent()
            || !text(manifest.flatMap(m -> child(m, "addClasspath"))).orElse("").equals("true")) {
          return Optional.empty();
        }
        prefix = text(manifest.flatMap(m -> child(m, "classpathPrefix")));
      }
    }
    if (libs.isPresent() && prefix.isPresent() && prefix.get().equals(libs.get() + "/")) {
      return libs;
    }
    return Optional.empty();
  }

  /** A parser that reads no external entity or DTD (a POM needs none). */
  private static DocumentBuilder parser() throws ParserConfigurationException {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setExpandEntityReferences(false);
    DocumentBuilder b = f.newDocumentBuilder();
    b.setErrorHandler(new DefaultHandler()); // a broken POM is no finding: nothing on stderr
    return b;
  }

  private static Optional<Element> child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  private static List<Element> children(Optional<Element> parent, String name) {
    List<Element> out = new ArrayList<>();
    if (parent.isPresent()) {
      for (Node n = parent.get().getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e && e.getTagName().equals(name)) {
          out.add(e);
        }
      }
    }
    return out;
  }

  private static Optional<String> text(Optional<Element> e) {
    return e.map(x -> x.getTextContent().strip());
  }
}
