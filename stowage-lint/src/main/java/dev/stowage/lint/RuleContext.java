package dev.stowage.lint;

import dev.stowage.dockerfile.Dockerfile;
import dev.stowage.dockerfile.Heredoc;
import dev.stowage.dockerfile.Instruction;
import dev.stowage.dockerfile.InstructionNode;
import dev.stowage.dockerfile.Position;
import dev.stowage.dockerfile.Span;
import dev.stowage.dockerfile.model.DockerfileModel;
import dev.stowage.dockerfile.model.Scope;
import dev.stowage.dockerfile.model.Stage;
import dev.stowage.dockerfile.shell.ShellScript;
import dev.stowage.lint.rules.context.ContextSources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * What a rule sees while it checks: the Dockerfile, its semantic model, the instruction being
 * checked with its stage and scope, shell models of commands, and where to report. One context per
 * file, handed from rule to rule ({@link #forRule}); not thread-safe.
 */
public final class RuleContext {
  private final Dockerfile dockerfile;
  private final DockerfileModel model;
  private final LintOptions options;
  private RuleMeta rule;
  private final Map<InstructionNode, Optional<ShellText>> shells;
  private final List<Finding> sink;
  private final Predicate<InstructionNode> posixShell;
  private final ContextSources.Cache contexts;
  private @Nullable Instruction current;
  private @Nullable Instruction owner;

  RuleContext(
      Dockerfile dockerfile,
      DockerfileModel model,
      LintOptions options,
      RuleMeta rule,
      Map<InstructionNode, Optional<ShellText>> shells,
      List<Finding> sink) {
    this(dockerfile, model, options, rule, shells, sink, n -> true, new ContextSources.Cache());
  }

  RuleContext(
      Dockerfile dockerfile,
      DockerfileModel model,
      LintOptions options,
      RuleMeta rule,
      Map<InstructionNode, Optional<ShellText>> shells,
      List<Finding> sink,
      Predicate<InstructionNode> posixShell,
      ContextSources.Cache contexts) {
    this.posixShell = posixShell;
    this.contexts = contexts;
    this.dockerfile = dockerfile;
    this.model = model;
    this.options = options;
    this.rule = rule;
    this.shells = shells;
    this.sink = sink;
  }

  /** This context for the next rule: one object per file rather than per rule and file. */
  RuleContext forRule(RuleMeta next) {
    this.rule = next;
    this.current = null;
    this.owner = null;
    return this;
  }

  void at(@Nullable Instruction instruction, @Nullable Instruction owner) {
    this.current = instruction;
    this.owner = owner;
  }

  /** The build-context scans of the linter this run belongs to. */
  public ContextSources.Cache contexts() {
    return contexts;
  }

  public Dockerfile dockerfile() {
    return dockerfile;
  }

  public DockerfileModel model() {
    return model;
  }

  public LintOptions options() {
    return options;
  }

  /** The build context folder, when known. */
  public Optional<Path> contextDir() {
    return options.contextDir();
  }

  /** Whether the instruction being checked is an ONBUILD trigger. */
  public boolean inOnbuild() {
    return current != null && owner != current;
  }

  /** The stage of the instruction being checked (empty for global ARGs and file rules). */
  public Optional<Stage> stage() {
    Instruction o = owner;
    return o == null ? Optional.empty() : model.stageOf(o);
  }

  /** The variables in effect before the instruction being checked (global scope for file rules). */
  public Scope scope() {
    Instruction o = owner;
    return o == null ? model.globalScope() : model.scopeBefore(o);
  }

  public Optional<Stage> stageOf(Instruction instruction) {
    return model.stageOf(instruction);
  }

  public Scope scopeBefore(Instruction instruction) {
    return model.scopeBefore(instruction);
  }

  /**
   * The shell model of a RUN, CMD or ENTRYPOINT in shell form (or of a RUN whose command is a
   * heredoc script); empty in exec form, and when the instruction's shell is not a POSIX shell (a
   * SHELL instruction or {@code # hadolint shell=} pragma naming PowerShell, cmd, ...), so that
   * shell rules stay silent there.
   */
  public Optional<ShellScript> shell(Instruction.CommandForm instruction) {
    return shellText(instruction).map(ShellText::script);
  }

  /** The source range of {@code [start, end)} offsets of {@link #shell}'s script. */
  public Span shellSpan(Instruction.CommandForm instruction, int start, int end) {
    ShellText t =
        shellText(instruction).orElseThrow(() -> new IllegalArgumentException("no shell form"));
    return t.span(start, end);
  }

  private Optional<ShellText> shellText(Instruction.CommandForm instruction) {
    if (!posixShell.test(instruction.syntax())) {
      return Optional.empty();
    }
    return shells.computeIfAbsent(instruction.syntax(), n -> ShellText.of(instruction));
  }

  public Position position(int offset) {
    return dockerfile.position(offset);
  }

  /** Reports the whole instruction (its first line to its last). */
  public void report(Instruction instruction, String message) {
    report(instruction.span(), message, Optional.empty());
  }

  public void report(Instruction instruction, String message, Fix fix) {
    report(instruction.span(), message, Optional.of(fix));
  }

  public void report(Span span, String message) {
    report(span, message, Optional.empty());
  }

  public void report(Span span, String message, Fix fix) {
    report(span, message, Optional.of(fix));
  }

  private void report(Span span, String message, Optional<Fix> fix) {
    Position a = dockerfile.position(span.start());
    Position b = dockerfile.position(span.end());
    sink.add(
        new Finding(
            rule.id(),
            rule.severity(),
            message,
            dockerfile.file(),
            a.line(),
            a.column(),
            b.line(),
            b.column(),
            rule.category(),
            rule.fixable() ? fix : Optional.empty()));
  }

  /** The text a shell model was built from, and how its offsets map to the source. */
  record ShellText(
      ShellScript script, InstructionNode node, int logicalStart, Optional<Heredoc> heredoc) {
    static Optional<ShellText> of(Instruction.CommandForm ins) {
      InstructionNode n = ins.syntax();
      if (n.json() || n.args().isEmpty()) {
        return Optional.empty();
      }
      String cmd = n.args().get(0).value();
      if (ins instanceof Instruction.Run run
          && !run.heredocs().isEmpty()
          && isOnlyHeredocMarker(cmd)) {
        Heredoc h = run.heredocs().get(0);
        return Optional.of(new ShellText(ShellScript.parse(h.content()), n, 0, Optional.of(h)));
      }
      return Optional.of(
          new ShellText(ShellScript.parse(cmd), n, n.restOffset(), Optional.empty()));
    }

    private static boolean isOnlyHeredocMarker(String cmd) {
      return cmd.strip().matches("\\d*<<-?\\S+");
    }

    Span span(int start, int end) {
      if (heredoc.isPresent()) {
        int base = heredoc.get().contentSpan().start();
        return new Span(base + start, base + Math.max(start, end));
      }
      int len = node.original().length();
      int s = Math.min(logicalStart + start, len);
      int e = Math.min(logicalStart + Math.max(start, end), len);
      return node.sourceSpan(s, e);
    }
  }

  static Map<InstructionNode, Optional<ShellText>> newShellCache() {
    return new IdentityHashMap<>();
  }

  static List<Finding> newSink() {
    return new ArrayList<>();
  }
}
