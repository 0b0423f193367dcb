package dev.stowage.lint.rules.buildkit;

import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.lexer.Environment;
import dev.stowage.dockerfile.lexer.ExpansionException;
import dev.stowage.dockerfile.lexer.ShellLexer;
import dev.stowage.dockerfile.model.DockerfileModel;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What FROM lines may reference: BuildKit's built-in ARGs and the ARGs before the first FROM. */
final class GlobalArgs {
  private GlobalArgs() {}

  /** Built-in ARGs BuildKit defines for FROM besides {@link DockerfileModel#PLATFORM_ARGS}. */
  static final List<String> MORE_BUILT_INS = List.of("TARGETSTAGE", "BUILDOSVERSION", "TARGETOSVERSION");

  /** Every name a FROM may use: built-ins and declared global ARGs, with or without value. */
  static Set<String> names(DockerfileModel model) {
    Set<String> out = new LinkedHashSet<>(DockerfileModel.PLATFORM_ARGS);
    out.addAll(MORE_BUILT_INS);
    for (Instruction.Arg a : model.globalArgs()) {
      for (Instruction.KeyValue kv : a.declarations()) {
        out.add(kv.key());
      }
    }
    return out;
  }

  /**
   * The global scope as if no build argument were given: built-ins, then each global ARG's
   * default expanded in order; empty when a default cannot be expanded.
   */
  static Optional<Environment> defaults(DockerfileModel model, ShellLexer lexer) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String p : DockerfileModel.PLATFORM_ARGS) {
      model.globalScope().lookup(p).ifPresent(v -> env.put(p, v));
    }
    for (Instruction.Arg a : model.globalArgs()) {
      for (Instruction.KeyValue kv : a.declarations()) {
        if (kv.value().isPresent()) {
          try {
            env.put(kv.key(), lexer.processWord(kv.value().get(), Environment.of(env)));
          } catch (ExpansionException e) {
            return Optional.empty();
          }
        }
      }
    }
    return Optional.of(Environment.of(env));
  }
}
