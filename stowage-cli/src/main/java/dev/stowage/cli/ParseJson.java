package dev.stowage.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.dockerfile.Diagnostic;
import dev.stowage.dockerfile.Directives;
import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.dockerfile.Flag;
import dev.stowage.dockerfile.Heredoc;
import dev.stowage.dockerfile.InstructionNode;
import dev.stowage.dockerfile.Word;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Builds the "parse JSON" of DESIGN.md, a public interface: keys appear in a fixed order, absent
 * values are {@code null}, lines and columns are 1-based. Stateless.
 */
final class ParseJson {
  private ParseJson() {}

  /** The whole document: file, directives, stages, instructions, warnings. */
  static ObjectNode of(ParsedDockerfile parsed) {
    Dockerfile df = parsed.dockerfile();
    ObjectNode root = Json.NODES.objectNode();
    root.put("file", df.file());
    root.set("directives", directives(df.directives()));
    ArrayNode stages = root.putArray("stages");
    for (ParsedDockerfile.Stage s : parsed.stages()) {
      stages.add(stage(s));
    }
    ArrayNode instructions = root.putArray("instructions");
    for (int i = 0; i < df.instructions().size(); i++) {
      instructions.add(
          instruction(df, df.instructions().get(i).syntax(), Optional.of(parsed.stageOf(i))));
    }
    ArrayNode warnings = root.putArray("warnings");
    for (Diagnostic d : df.diagnostics()) {
      if (d.severity() == Diagnostic.Severity.WARNING) {
        warnings.add(diagnostic(d));
      }
    }
    return root;
  }

  private static ObjectNode directives(Directives d) {
    ObjectNode node = Json.NODES.objectNode();
    node.put("syntax", d.syntax().orElse(null));
    node.put("escape", String.valueOf(d.escape()));
    node.put("check", d.check().orElse(null));
    return node;
  }

  private static ObjectNode stage(ParsedDockerfile.Stage s) {
    ObjectNode node = Json.NODES.objectNode();
    node.put("index", s.index());
    node.put("name", s.name().orElse(null));
    node.put("base", s.base().orElse(null));
    node.put("platform", s.platform().orElse(null));
    node.put("line", s.line());
    ArrayNode deps = node.putArray("dependsOn");
    s.dependsOn().forEach(deps::add);
    return node;
  }

  /**
   * One instruction; {@code stage} is empty for an ONBUILD trigger, which belongs to no stage of
   * this file (the key is then left out), and holds an empty index before the first FROM.
   */
  private static ObjectNode instruction(
      Dockerfile df, InstructionNode syntax, Optional<OptionalInt> stage) {
    ObjectNode node = Json.NODES.objectNode();
    node.put("instruction", syntax.keyword().toUpperCase(Locale.ROOT));
    node.put("keyword", syntax.keyword());
    ArrayNode flags = node.putArray("flags");
    for (Flag f : syntax.flags()) {
      flags.add(f.text());
    }
    ArrayNode args = node.putArray("args");
    for (Word w : syntax.args()) {
      args.add(w.value());
    }
    node.put("json", syntax.json());
    ArrayNode heredocs = node.putArray("heredocs");
    for (Heredoc h : syntax.heredocs()) {
      heredocs.add(heredoc(h));
    }
    node.put("line", syntax.line());
    node.put("endLine", syntax.endLine());
    node.put("column", df.position(syntax.span().start()).column());
    if (stage.isPresent()) {
      OptionalInt index = stage.get();
      if (index.isPresent()) {
        node.put("stage", index.getAsInt());
      } else {
        node.putNull("stage");
      }
    }
    node.put("original", syntax.original());
    syntax.child().ifPresent(t -> node.set("trigger", instruction(df, t, Optional.empty())));
    return node;
  }

  private static ObjectNode heredoc(Heredoc h) {
    ObjectNode node = Json.NODES.objectNode();
    node.put("name", h.name());
    node.put("content", h.content());
    node.put("quoted", h.quoted());
    node.put("stripTabs", h.stripTabs());
    node.put("fileDescriptor", h.fileDescriptor());
    return node;
  }

  /** A diagnostic in the shape of a finding: code, severity, message, file and range. */
  static ObjectNode diagnostic(Diagnostic d) {
    ObjectNode node = Json.NODES.objectNode();
    node.put("code", d.code());
    node.put("severity", d.severity().name().toLowerCase(Locale.ROOT));
    node.put("message", d.message());
    node.put("file", d.file());
    node.put("line", d.line());
    node.put("column", d.column());
    node.put("endLine", d.endLine());
    node.put("endColumn", d.endColumn());
    return node;
  }
}
