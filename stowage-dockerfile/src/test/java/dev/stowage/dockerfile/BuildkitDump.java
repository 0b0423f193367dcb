package dev.stowage.dockerfile;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Test-side printer of BuildKit's AST dump format ({@code Node.Dump}), for the parser goldens. */
final class BuildkitDump {
  private BuildkitDump() {}

  static String dump(Dockerfile df) {
    StringBuilder out = new StringBuilder();
    for (Instruction i : df.instructions()) {
      out.append('(').append(node(i.syntax())).append(")\n");
    }
    return out.toString().strip();
  }

  private static String node(InstructionNode n) {
    StringBuilder s = new StringBuilder(n.keyword().toLowerCase(Locale.ROOT));
    if (!n.flags().isEmpty()) {
      s.append(" [")
          .append(n.flags().stream().map(f -> GoText.quote(f.text())).collect(Collectors.joining(" ")))
          .append(']');
    }
    if (n.child().isPresent()) {
      s.append(" (").append(node(n.child().get())).append(')');
      return s.toString().strip();
    }
    List<Word> args = n.args();
    boolean kv = n.name().equals("ENV") || n.name().equals("LABEL");
    for (int i = 0; i < args.size(); i++) {
      s.append(' ').append(GoText.quote(args.get(i).value()));
      if (kv && i % 2 == 1) {
        s.append(' ').append(GoText.quote(n.legacyKeyValue() ? "" : "="));
      }
    }
    return s.toString().strip();
  }
}
