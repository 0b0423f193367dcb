package dev.stowage.lint.rules.buildkit;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Word;
import dev.stowage.dockerfile.lexer.ExpansionException;
import dev.stowage.lint.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * EXPOSE port specifications read as BuildKit reads them: {@code [ip:][hostPort:]port[/proto]},
 * after variable expansion and word splitting. Stateless.
 */
final class PortSpecs {
  private PortSpecs() {}

  private static final Set<String> PROTOCOLS = Set.of("", "tcp", "udp", "sctp");

  /**
   * One expanded port specification of an EXPOSE word.
   *
   * @param word the word as written
   * @param raw the specification after expansion
   * @param literal whether the word had no variables or quotes (so it can be rewritten)
   * @param ip the host IP part, or empty
   * @param hostPort the host port part, or empty
   * @param port the container port (range)
   * @param proto the protocol as written, or empty
   */
  record PortSpec(
      Word word, String raw, boolean literal, String ip, String hostPort, String port, String proto) {
    /** The container part only, as EXPOSE means it: {@code port[/proto]}. */
    String containerPart() {
      return proto.isEmpty() ? port : port + "/" + proto;
    }
  }

  /** The valid specifications of an EXPOSE (those BuildKit would not reject). */
  static List<PortSpec> of(Instruction.Expose expose, RuleContext ctx) {
    List<PortSpec> out = new ArrayList<>();
    for (Word w : expose.ports()) {
      List<String> expanded;
      try {
        expanded = ctx.scope().expandWithMatches(w.value()).words();
      } catch (ExpansionException e) {
        continue;
      }
      boolean literal = expanded.size() == 1 && expanded.get(0).equals(w.value());
      for (String raw : expanded) {
        String[] parts = raw.split(":", -1);
        int n = parts.length;
        String ip = n >= 3 ? String.join(":", java.util.Arrays.copyOfRange(parts, 0, n - 2)) : "";
        String hostPort = n >= 2 ? parts[n - 2] : "";
        String container = parts[n - 1];
        int slash = container.indexOf('/');
        String port = slash < 0 ? container : container.substring(0, slash);
        String proto = slash < 0 ? "" : container.substring(slash + 1);
        if (port.isEmpty() || !PROTOCOLS.contains(proto.toLowerCase(Locale.ROOT))) {
          continue;
        }
        out.add(new PortSpec(w, raw, literal, ip, hostPort, port, proto));
      }
    }
    return out;
  }
}
