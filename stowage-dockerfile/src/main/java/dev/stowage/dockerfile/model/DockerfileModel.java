package dev.stowage.dockerfile.model;

import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.dockerfile.ImageReference;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.Mount;
import dev.stowage.dockerfile.lexer.ExpansionException;
import dev.stowage.dockerfile.lexer.ShellLexer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The semantic model of a parsed Dockerfile for one set of {@link BuildOptions}: stages, the
 * stage graph, the target and what it needs, and the variable scope before every instruction.
 * Immutable and thread-safe.
 */
public final class DockerfileModel {
  /** BuildKit's automatic platform ARGs, available in the global scope. */
  public static final List<String> PLATFORM_ARGS =
      List.of(
          "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT",
          "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT");

  /** ARGs BuildKit predefines for every build (proxy settings), usable without declaring. */
  public static final List<String> PREDEFINED_ARGS =
      List.of(
          "HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy",
          "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy");

  private final Dockerfile dockerfile;
  private final BuildOptions options;
  private final List<Instruction.Arg> globalArgs;
  private final Scope globalScope;
  private final List<Stage> stages;
  private final Map<Instruction, Scope> scopes;
  private final Map<Instruction, Stage> stageOf;
  private final Optional<Stage> target;
  private final BitSet needed;
  private final List<String> problems;

  private DockerfileModel(Dockerfile dockerfile, BuildOptions options) {
    this.dockerfile = dockerfile;
    this.options = options;
    ShellLexer lexer = ShellLexer.of(dockerfile.directives().escape());
    Map<String, String> platformValues = platformValues(options);
    List<Instruction.Arg> globals = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Map<Instruction, Scope> scopes = new IdentityHashMap<>();
    Map<Instruction, Stage> stageOf = new IdentityHashMap<>();

    // The global scope: automatic platform ARGs plus ARGs before the first FROM.
    Scope global = Scope.empty(lexer);
    for (Map.Entry<String, String> e : platformValues.entrySet()) {
      global = global.withArg(e.getKey(), Optional.of(e.getValue()));
    }
    List<Instruction> all = dockerfile.instructions();
    int i = 0;
    for (; i < all.size() && !(all.get(i) instanceof Instruction.From); i++) {
      Instruction ins = all.get(i);
      scopes.put(ins, global);
      if (ins instanceof Instruction.Arg arg) {
        globals.add(arg);
        global = declare(global, global, arg, options, /* inStage= */ false);
      }
    }
    Scope globalFinal = global;

    // Stages.
    List<Stage> built = new ArrayList<>();
    Map<String, Integer> byName = new LinkedHashMap<>();
    List<Scope> stageEndScopes = new ArrayList<>();
    while (i < all.size()) {
      Instruction.From from = (Instruction.From) all.get(i);
      scopes.put(from, globalFinal);
      int index = built.size();
      List<Dependency> deps = new ArrayList<>();
      String baseRaw = from.image().map(w -> w.value()).orElse("");
      String baseName = globalFinal.expandOrRaw(baseRaw);
      Base base;
      Scope scope;
      Integer parent = byName.get(baseName.toLowerCase(Locale.ROOT));
      if (parent != null) {
        base = new Base.StageBase(baseName, parent);
        deps.add(new Dependency(parent, Dependency.Kind.BASE, from));
        scope = stageEndScopes.get(parent).envOnly();
      } else if (ImageReference.isScratch(baseName)) {
        base = new Base.Scratch(baseName);
        scope = Scope.empty(lexer);
      } else {
        Optional<ImageReference> ref = ImageReference.tryParse(baseName);
        base =
            ref.<Base>map(r -> new Base.Image(baseName, r))
                .orElseGet(() -> new Base.Invalid(baseName, "not a valid image reference"));
        scope = Scope.empty(lexer);
      }
      Optional<String> platform = from.platform().map(globalFinal::expandOrRaw);
      Optional<String> name =
          from.stageName().map(w -> w.value().toLowerCase(Locale.ROOT));
      List<Instruction> body = new ArrayList<>();
      int j = i + 1;
      for (; j < all.size() && !(all.get(j) instanceof Instruction.From); j++) {
        Instruction ins = all.get(j);
        body.add(ins);
        scopes.put(ins, scope);
        switch (ins) {
          case Instruction.Arg arg -> scope = declare(scope, globalFinal, arg, options, true);
          case Instruction.Env env -> scope = scope.withEnv(envValues(scope, env));
          case Instruction.Copy copy ->
              copy.from()
                  .map(scope::expandOrRaw)
                  .flatMap(ref -> resolveStage(ref, byName, index))
                  .ifPresent(s -> deps.add(new Dependency(s, Dependency.Kind.COPY_FROM, ins)));
          case Instruction.Add add ->
              add.from()
                  .map(scope::expandOrRaw)
                  .flatMap(ref -> resolveStage(ref, byName, index))
                  .ifPresent(s -> deps.add(new Dependency(s, Dependency.Kind.COPY_FROM, ins)));
          case Instruction.Run run -> {
            for (Mount m : run.mounts()) {
              Scope sc = scope;
              m.from()
                  .map(sc::expandOrRaw)
                  .flatMap(ref -> resolveStage(ref, byName, index))
                  .ifPresent(s -> deps.add(new Dependency(s, Dependency.Kind.MOUNT_FROM, ins)));
            }
          }
          default -> {}
        }
      }
      Stage stage = new Stage(index, name, from, base, platform, body, deps);
      built.add(stage);
      stageOf.put(from, stage);
      for (Instruction ins : body) {
        stageOf.put(ins, stage);
      }
      stageEndScopes.add(scope);
      name.ifPresent(n -> byName.putIfAbsent(n, index));
      i = j;
    }

    Optional<Stage> tgt = built.isEmpty() ? Optional.empty() : Optional.of(built.get(built.size() - 1));
    if (options.target().isPresent()) {
      String t = options.target().get().toLowerCase(Locale.ROOT);
      Integer idx = byName.get(t);
      if (idx == null) {
        problems.add("target stage \"" + options.target().get() + "\" could not be found");
      } else {
        tgt = Optional.of(built.get(idx));
      }
    }
    BitSet need = new BitSet();
    if (tgt.isPresent()) {
      Deque<Integer> work = new ArrayDeque<>();
      work.add(tgt.get().index());
      while (!work.isEmpty()) {
        int s = work.pop();
        if (!need.get(s)) {
          need.set(s);
          for (Dependency d : built.get(s).dependencies()) {
            work.push(d.stage());
          }
        }
      }
    }
    this.globalArgs = List.copyOf(globals);
    this.globalScope = globalFinal;
    this.stages = List.copyOf(built);
    this.scopes = scopes;
    this.stageOf = stageOf;
    this.target = tgt;
    this.needed = need;
    this.problems = List.copyOf(problems);
  }

  /** The model for a default build (no build args, last stage, this machine's platform). */
  public static DockerfileModel of(Dockerfile dockerfile) {
    return new DockerfileModel(dockerfile, BuildOptions.defaults());
  }

  public static DockerfileModel of(Dockerfile dockerfile, BuildOptions options) {
    return new DockerfileModel(dockerfile, options);
  }

  public Dockerfile dockerfile() {
    return dockerfile;
  }

  public BuildOptions options() {
    return options;
  }

  public List<Stage> stages() {
    return stages;
  }

  /** ARG instructions before the first FROM. */
  public List<Instruction.Arg> globalArgs() {
    return globalArgs;
  }

  /** The scope FROM lines expand in: platform ARGs and global ARGs. */
  public Scope globalScope() {
    return globalScope;
  }

  /** A stage by name (case-insensitive) or by index, as {@code --from} accepts it. */
  public Optional<Stage> stage(String reference) {
    String r = reference.toLowerCase(Locale.ROOT);
    for (Stage s : stages) {
      if (s.name().filter(r::equals).isPresent()) {
        return Optional.of(s);
      }
    }
    if (!r.isEmpty() && r.chars().allMatch(Character::isDigit) && r.length() < 9) {
      int idx = Integer.parseInt(r);
      if (idx < stages.size()) {
        return Optional.of(stages.get(idx));
      }
    }
    return Optional.empty();
  }

  /** The last stage: what a build without {@code --target} produces. */
  public Optional<Stage> finalStage() {
    return stages.isEmpty() ? Optional.empty() : Optional.of(stages.get(stages.size() - 1));
  }

  /** The stage the build produces: {@code --target}, or the last stage. */
  public Optional<Stage> target() {
    return target;
  }

  /** Whether building the target needs this stage. */
  public boolean isNeeded(Stage stage) {
    return needed.get(stage.index());
  }

  /** Stages the target never needs (BuildKit skips them). */
  public List<Stage> unneededStages() {
    return stages.stream().filter(s -> !needed.get(s.index())).toList();
  }

  /** The stage an instruction belongs to; empty for global ARGs. */
  public Optional<Stage> stageOf(Instruction instruction) {
    return Optional.ofNullable(stageOf.get(instruction));
  }

  /** The variables in effect when the instruction runs (before its own declarations). */
  public Scope scopeBefore(Instruction instruction) {
    Scope s = scopes.get(instruction);
    if (s == null) {
      throw new IllegalArgumentException("instruction not in this Dockerfile: " + instruction);
    }
    return s;
  }

  /** The name BuildKit's progress output gives a stage: its name, or {@code stage-<index>}. */
  public static String stageLabel(Stage stage) {
    return stage.name().orElse("stage-" + stage.index());
  }

  /** Problems with the options, such as an unknown target. */
  public List<String> problems() {
    return problems;
  }

  private static Optional<Integer> resolveStage(String ref, Map<String, Integer> byName, int current) {
    Integer byN = byName.get(ref.toLowerCase(Locale.ROOT));
    if (byN != null) {
      return Optional.of(byN);
    }
    if (!ref.isEmpty() && ref.length() < 9 && ref.chars().allMatch(Character::isDigit)) {
      int idx = Integer.parseInt(ref);
      if (idx < current) {
        return Optional.of(idx);
      }
    }
    return Optional.empty();
  }

  private static Scope declare(
      Scope scope, Scope global, Instruction.Arg arg, BuildOptions options, boolean inStage) {
    Scope s = scope;
    for (Instruction.KeyValue kv : arg.declarations()) {
      String name = kv.key();
      Optional<String> value;
      String override = options.buildArgs().get(name);
      if (override != null) {
        value = Optional.of(override);
      } else if (kv.value().isPresent()) {
        value = Optional.of(s.expandOrRaw(kv.value().get()));
      } else if (inStage && global.args().containsKey(name)) {
        value = global.args().get(name);
      } else {
        value = Optional.empty();
      }
      s = s.withArg(name, value);
    }
    return s;
  }

  private static Map<String, String> envValues(Scope scope, Instruction.Env env) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Instruction.KeyValue kv : env.pairs()) {
      String raw = kv.value().orElse("");
      String v;
      try {
        v = scope.expand(raw);
      } catch (ExpansionException e) {
        v = raw;
      }
      out.put(kv.key(), v);
    }
    return out;
  }

  static Map<String, String> platformValues(BuildOptions options) {
    Map<String, String> m = new LinkedHashMap<>();
    put(m, "TARGET", options.targetPlatform());
    put(m, "BUILD", options.buildPlatform());
    return m;
  }

  private static void put(Map<String, String> m, String prefix, String platform) {
    String[] parts = platform.split("/", 3);
    m.put(prefix + "PLATFORM", platform);
    m.put(prefix + "OS", parts[0]);
    m.put(prefix + "ARCH", parts.length > 1 ? parts[1] : "");
    m.put(prefix + "VARIANT", parts.length > 2 ? parts[2] : "");
  }
}
