package dev.stowage.lint.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML document as a small tree that keeps each node's position, read with Jackson's streaming
 * YAML parser (Jackson's own tree forgets positions, and error messages need them).
 */
sealed interface YamlTree {
  int line();

  int column();

  /** What the node is, for messages: "a list", "a mapping", "a string". */
  String kind();

  record Scalar(String text, boolean isNull, int line, int column) implements YamlTree {
    @Override
    public String kind() {
      return isNull ? "empty" : "'" + text + "'";
    }
  }

  record Seq(List<YamlTree> items, int line, int column) implements YamlTree {
    @Override
    public String kind() {
      return "a list";
    }
  }

  record Entry(String key, int line, int column, YamlTree value) {}

  record MapNode(List<Entry> entries, int line, int column) implements YamlTree {
    @Override
    public String kind() {
      return "a mapping";
    }

    Optional<Entry> get(String key) {
      return entries.stream().filter(e -> e.key.equals(key)).findFirst();
    }
  }

  YAMLFactory FACTORY = YAMLFactory.builder().build();

  /**
   * Parses a document; empty text is an empty mapping.
   *
   * @throws ConfigException {@code FILE:LINE:COL: problem} for YAML syntax errors and duplicate
   *     keys
   */
  static YamlTree parse(Path file, byte[] bytes) throws ConfigException {
    try (JsonParser p = FACTORY.createParser(bytes)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return new MapNode(List.of(), 1, 1);
      }
      return read(file, p);
    } catch (JsonProcessingException e) {
      if (e.getCause() instanceof MarkedYAMLException y && y.getProblemMark() != null) {
        // SnakeYAML knows what went wrong and where; Jackson's own location is its context.
        Mark m = y.getProblemMark();
        String problem = y.getProblem() == null ? "not valid YAML" : y.getProblem();
        problem = problem.replace("found '?'", "found a key");
        throw new ConfigException(file, m.getLine() + 1, m.getColumn() + 1, problem);
      }
      JsonLocation at = e.getLocation();
      String msg = e.getOriginalMessage();
      msg = msg == null ? "not valid YAML" : msg.lines().findFirst().orElse(msg).strip();
      if (at == null) {
        throw new ConfigException(file, 0, 0, msg);
      }
      throw new ConfigException(file, at.getLineNr(), at.getColumnNr(), msg);
    } catch (IOException e) {
      throw new ConfigException(file, "cannot read: " + e.getMessage(), e);
    }
  }

  private static YamlTree read(Path file, JsonParser p) throws IOException, ConfigException {
    JsonLocation at = p.currentTokenLocation();
    int line = at.getLineNr();
    int col = at.getColumnNr();
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        List<Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          JsonLocation k = p.currentTokenLocation();
          String key = p.currentName();
          if (!seen.add(key)) {
            throw new ConfigException(
                file, k.getLineNr(), k.getColumnNr(), "duplicate key '" + key + "'");
          }
          p.nextToken();
          entries.add(new Entry(key, k.getLineNr(), k.getColumnNr(), read(file, p)));
        }
        return new MapNode(entries, line, col);
      }
      case START_ARRAY -> {
        List<YamlTree> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(file, p));
        }
        return new Seq(items, line, col);
      }
      case VALUE_NULL -> {
        return new Scalar("", true, line, col);
      }
      default -> {
        return new Scalar(p.getText(), false, line, col);
      }
    }
  }
}
