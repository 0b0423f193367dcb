package dev.stowage.lint.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.lint.Finding;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** What the goldens cannot show: output parses, fields are exact, escapes round-trip. */
class FormattersTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static String format(FindingsFormat format, String caseName) {
    return format
        .formatter(FormatterCases.RULES, FindingsFormat.Colour.PLAIN)
        .format(FormatterCases.CASES.get(caseName));
  }

  @Test
  void jsonFindingsHaveExactlyTheDesignFields() throws IOException {
    JsonNode json = MAPPER.readTree(format(FindingsFormat.JSON, "basic"));
    assertThat(json).hasSize(5);
    for (JsonNode f : json) {
      List<String> names = new ArrayList<>();
      f.fieldNames().forEachRemaining(names::add);
      assertThat(names)
          .containsExactly(
              "rule",
              "severity",
              "message",
              "file",
              "line",
              "column",
              "endLine",
              "endColumn",
              "category",
              "fixable");
    }
    assertThat(json.get(1).get("fixable").asBoolean()).isTrue();
    assertThat(json.get(4).get("rule").asText()).isEqualTo("DL1000");
  }

  @Test
  void aDocumentFedFileByFileIsTheWholeDocument() throws IOException {
    for (FindingsFormat format : FindingsFormat.values()) {
      FindingsFormatter formatter =
          format.formatter(FormatterCases.RULES, FindingsFormat.Colour.ANSI);
      for (List<FileResult> results : FormatterCases.CASES.values()) {
        java.io.StringWriter out = new java.io.StringWriter();
        FindingsFormatter.Document document = formatter.open(out);
        for (FileResult r : results) {
          document.add(r);
        }
        document.end();
        assertThat(out.toString()).as(format.label()).isEqualTo(formatter.format(results));
      }
    }
  }

  @Test
  void noFilesAtAllIsStillAWholeDocument() throws Exception {
    assertThat(MAPPER.readTree(formatOf(FindingsFormat.JSON, List.of()))).isEmpty();
    assertThat(formatOf(FindingsFormat.JSON, List.of())).isEqualTo("[]\n");
    assertThat(MAPPER.readTree(formatOf(FindingsFormat.GITLAB, List.of()))).isEmpty();
    assertThat(formatOf(FindingsFormat.GITHUB, List.of())).isEmpty();
    assertThat(formatOf(FindingsFormat.TTY, List.of())).endsWith("\n").doesNotContain("null");
    assertThat(parse(formatOf(FindingsFormat.CHECKSTYLE, List.of())).getDocumentElement().getTagName())
        .isEqualTo("checkstyle");
  }

  private static String formatOf(FindingsFormat format, List<FileResult> results) {
    return format.formatter(FormatterCases.RULES, FindingsFormat.Colour.PLAIN).format(results);
  }

  @Test
  void xmlFormatsParseAndKeepTheMessageExactly() throws Exception {
    Finding odd = FormatterCases.CASES.get("escaping").get(0).findings().get(0);
    // XML 1.0 cannot carry ESC; everything else must survive.
    String expected = odd.message().replace("\u001b", "");
    Document checkstyle = parse(format(FindingsFormat.CHECKSTYLE, "escaping"));
    Element error = (Element) checkstyle.getElementsByTagName("error").item(0);
    assertThat(error.getAttribute("message")).isEqualTo(expected);
    assertThat(((Element) checkstyle.getElementsByTagName("file").item(0)).getAttribute("name"))
        .isEqualTo("dir, with: odd/Docker file%.txt");

    Document junit = parse(format(FindingsFormat.JUNIT, "escaping"));
    Element failure = (Element) junit.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).isEqualTo(expected);
    Document basic = parse(format(FindingsFormat.JUNIT, "basic"));
    assertThat(basic.getDocumentElement().getAttribute("tests")).isEqualTo("6");
    assertThat(basic.getDocumentElement().getAttribute("failures")).isEqualTo("5");
    assertThat(basic.getElementsByTagName("testsuite").getLength()).isEqualTo(3);
  }

  @Test
  void githubCommandsAreOneLineEachWithEscapedValues() {
    String out = format(FindingsFormat.GITHUB, "escaping");
    assertThat(out.lines()).hasSize(2);
    assertThat(out.lines().findFirst().orElseThrow())
        .startsWith("::error file=dir%2C with%3A odd/Docker file%25.txt,line=1,col=9,")
        .contains("title=DL3006::100%25 of \"quotes\"")
        .contains("commas: colons%0Aand a second line");
    assertThat(format(FindingsFormat.GITHUB, "basic").lines())
        .anyMatch(l -> l.startsWith("::notice file=Dockerfile,line=2,col=5,endLine=3,"));
  }

  @Test
  void gitlabFingerprintsAreUniqueAndSurviveInsertedLines() throws IOException {
    JsonNode before = MAPPER.readTree(format(FindingsFormat.GITLAB, "escaping"));
    assertThat(before.get(0).get("fingerprint").asText())
        .isNotEqualTo(before.get(1).get("fingerprint").asText());
    // The same findings two lines further down keep their fingerprints.
    List<FileResult> shifted = new ArrayList<>();
    for (FileResult r : FormatterCases.CASES.get("escaping")) {
      List<Finding> moved = new ArrayList<>();
      for (Finding f : r.findings()) {
        moved.add(
            new Finding(
                f.rule(),
                f.severity(),
                f.message(),
                f.file(),
                f.line() + 2,
                f.column(),
                f.endLine() + 2,
                f.endColumn(),
                f.category(),
                f.fix()));
      }
      shifted.add(new FileResult(r.file(), "# one\n# two\n" + r.source(), moved));
    }
    JsonNode after =
        MAPPER.readTree(
            FindingsFormat.GITLAB
                .formatter(FormatterCases.RULES, FindingsFormat.Colour.PLAIN)
                .format(shifted));
    for (int i = 0; i < before.size(); i++) {
      assertThat(after.get(i).get("fingerprint")).isEqualTo(before.get(i).get("fingerprint"));
      assertThat(after.get(i).at("/location/lines/begin").asInt())
          .isEqualTo(before.get(i).at("/location/lines/begin").asInt() + 2);
    }
    assertThat(before.get(0).get("severity").asText()).isEqualTo("blocker");
  }

  @Test
  void ttyNeverPrintsControlCharactersOfTheInput() {
    String out = format(FindingsFormat.TTY, "escaping");
    assertThat(out).doesNotContain("\u001b").doesNotContain("\r");
    assertThat(out).contains("second line with ?[31m escape");
  }

  @Test
  void sourceLinesHonourEveryLineEnd() {
    FileResult r = new FileResult("f", "a\r\nb\rc\nd", List.of());
    assertThat(r.line(1)).contains("a");
    assertThat(r.line(2)).contains("b");
    assertThat(r.line(3)).contains("c");
    assertThat(r.line(4)).contains("d");
    assertThat(r.line(5)).isEmpty();
    assertThat(new FileResult("f", "x\n", List.of()).line(2)).isEmpty();
    assertThat(new FileResult("f", "", List.of()).line(1)).contains("");
  }

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
