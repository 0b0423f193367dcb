package dev.stowage.lint.rules.size;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MavenJarLayoutTest {
  @TempDir Path dir;

  /**
   * A POM in the shape of examples/java's: copy-dependencies into target/lib and a jar whose
   * manifest names them with the prefix lib/; {@code extra} goes inside the project element.
   */
  static String pom(String extra) {
    return pom(extra, "${project.build.directory}/lib", "<addClasspath>true</addClasspath><classpathPrefix>lib/</classpathPrefix>");
  }

  private static String pom(String extra, String output, String manifest) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>g</groupId><artifactId>wordstats</artifactId><version>1</version>
          %s
          <build>
            <finalName>wordstats</finalName>
            <plugins>
              <plugin>
                <artifactId>maven-dependency-plugin</artifactId>
                <executions><execution>
                  <phase>package</phase>
                  <goals><goal>copy-dependencies</goal></goals>
                  <configuration><outputDirectory>%s</outputDirectory></configuration>
                </execution></executions>
              </plugin>
              <plugin>
                <artifactId>maven-jar-plugin</artifactId>
                <configuration><archive><manifest><mainClass>a.Main</mainClass>%s</manifest></archive></configuration>
              </plugin>
            </plugins>
          </build>
        </project>
        """.formatted(extra, output, manifest);
  }

  private java.util.Optional<String> read(String pom) throws Exception {
    Path p = dir.resolve("pom.xml");
    Files.writeString(p, pom);
    return MavenJarLayout.libraryFolder(p);
  }

  @Test
  void findsTheLibraryFolderThatTheManifestNames() throws Exception {
    assertThat(read(pom(""))).contains("lib");
    assertThat(read(pom("", "${project.build.directory}/deps", "<addClasspath>true</addClasspath><classpathPrefix>deps/</classpathPrefix>")))
        .contains("deps");
    assertThat(read(Files.readString(Path.of("..", "examples", "java", "pom.xml")))).contains("lib");
  }

  @Test
  void givesNothingForAnythingLessPlain() throws Exception {
    assertThat(read(pom("<parent><groupId>p</groupId><artifactId>p</artifactId><version>1</version></parent>"))).isEmpty();
    assertThat(read(pom("<modules><module>a</module></modules>"))).isEmpty();
    assertThat(read(pom("<profiles><profile><id>x</id></profile></profiles>"))).isEmpty();
    assertThat(read(pom("<packaging>war</packaging>"))).isEmpty();
    // the manifest names other folders, or none
    assertThat(read(pom("", "${project.build.directory}/lib", "<addClasspath>true</addClasspath><classpathPrefix>libs/</classpathPrefix>")))
        .isEmpty();
    assertThat(read(pom("", "${project.build.directory}/lib", "<classpathPrefix>lib/</classpathPrefix>"))).isEmpty();
    assertThat(read(pom("", "${project.build.directory}/lib",
        "<addClasspath>true</addClasspath><classpathPrefix>lib/</classpathPrefix><classpathLayoutType>repository</classpathLayoutType>")))
        .isEmpty();
    assertThat(read(pom("", "/opt/lib", "<addClasspath>true</addClasspath><classpathPrefix>lib/</classpathPrefix>"))).isEmpty();
    assertThat(read("<project><modelVersion>4.0.0</modelVersion></project>")).isEmpty();
    assertThat(read("not xml")).isEmpty();
  }

  @Test
  void readsNoDoctypeOrExternalEntity() throws Exception {
    String evil = "<?xml version=\"1.0\"?><!DOCTYPE project [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + pom("").substring(pom("").indexOf("<project"));
    assertThat(read(evil)).isEmpty();
  }
}
