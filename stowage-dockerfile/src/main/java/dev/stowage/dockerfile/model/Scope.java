package dev.stowage.dockerfile.model;

import dev.stowage.dockerfile.lexer.Environment;
import dev.stowage.dockerfile.lexer.Expansion;
import dev.stowage.dockerfile.lexer.ExpansionException;
import dev.stowage.dockerfile.lexer.ShellLexer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The variables in effect at one point of a Dockerfile, as BuildKit resolves them for expansion:
 * declared ARGs (with build-arg overrides) and ENVs, ENV winning over an ARG of the same name.
 * Immutable.
 */
public final class Scope {
  private final Map<String, Optional<String>> args;
  private final Map<String, String> env;
  private final ShellLexer lexer;

  Scope(Map<String, Optional<String>> args, Map<String, String> env, ShellLexer lexer) {
    this(
        lexer,
        Collections.unmodifiableMap(new LinkedHashMap<>(args)),
        Collections.unmodifiableMap(new LinkedHashMap<>(env)));
  }

  /** Takes maps no one else holds or changes, without copying them (#3 lint speed). */
  private Scope(ShellLexer lexer, Map<String, Optional<String>> args, Map<String, String> env) {
    this.args = args;
    this.env = env;
    this.lexer = lexer;
  }

  static Scope empty(ShellLexer lexer) {
    return new Scope(lexer, Map.of(), Map.of());
  }

  /** The value a reference to {@code name} expands to here; empty when unset. */
  public Optional<String> lookup(String name) {
    String e = env.get(name);
    if (e != null) {
      return Optional.of(e);
    }
    Optional<String> a = args.get(name);
    return a == null ? Optional.empty() : a;
  }

  /** Whether {@code name} is declared here by ARG or ENV (with or without a value). */
  public boolean isDeclared(String name) {
    return env.containsKey(name) || args.containsKey(name);
  }

  public boolean isArg(String name) {
    return args.containsKey(name);
  }

  public boolean isEnv(String name) {
    return env.containsKey(name);
  }

  /** Declared ARG names with their values (empty for an ARG without value). */
  public Map<String, Optional<String>> args() {
    return args;
  }

  /** ENV variables set so far in the stage (and inherited from a parent stage). */
  public Map<String, String> env() {
    return env;
  }

  /** Names that have a value here. */
  public Set<String> names() {
    Map<String, String> all = new LinkedHashMap<>();
    args.forEach((k, v) -> v.ifPresent(val -> all.put(k, val)));
    all.putAll(env);
    return all.keySet();
  }

  /** This scope as the lexer's environment. */
  public Environment environment() {
    return this::lookup;
  }

  /** Expands a word to one string, as BuildKit does for most instructions. */
  public String expand(String word) throws ExpansionException {
    return lexer.processWord(word, environment());
  }

  /** Expands a word and reports the variables it referenced, set or not. */
  public Expansion expandWithMatches(String word) throws ExpansionException {
    return lexer.processWordWithMatches(word, environment());
  }

  /** Expands a word, or returns it unchanged when it is malformed. */
  public String expandOrRaw(String word) {
    try {
      return expand(word);
    } catch (ExpansionException e) {
      return word;
    }
  }

  Scope withArg(String name, Optional<String> value) {
    Map<String, Optional<String>> a = new LinkedHashMap<>(args);
    a.put(name, value);
    return new Scope(lexer, Collections.unmodifiableMap(a), env);
  }

  Scope withEnv(Map<String, String> values) {
    Map<String, String> e = new LinkedHashMap<>(env);
    e.putAll(values);
    return new Scope(lexer, args, Collections.unmodifiableMap(e));
  }

  /** A new stage's scope: the parent's ENV, no ARGs. */
  Scope envOnly() {
    return new Scope(lexer, Map.of(), env);
  }
}
