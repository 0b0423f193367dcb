package dev.stowage.dockerfile.shell;

import java.util.List;
import java.util.Optional;

/**
 * One element of a pipeline: a simple command or a compound command whose bodies are parsed too;
 * all variants are immutable and their offsets are 0-based into the parsed input.
 */
public sealed interface CommandNode extends Node
    permits SimpleCommand,
        CommandNode.Subshell,
        CommandNode.BraceGroup,
        CommandNode.If,
        CommandNode.For,
        CommandNode.Loop,
        CommandNode.Case,
        CommandNode.FunctionDefinition {

  /** Redirections that apply to the whole command. */
  List<Redirection> redirections();

  /** {@code ( body )}: the body runs in a subshell. */
  record Subshell(Sequence body, List<Redirection> redirections, int offset, int endOffset)
      implements CommandNode {
    /** Copies the redirection list. */
    public Subshell {
      redirections = List.copyOf(redirections);
    }
  }

  /** <code>{ body; }</code>: the body runs in the current shell. */
  record BraceGroup(Sequence body, List<Redirection> redirections, int offset, int endOffset)
      implements CommandNode {
    /** Copies the redirection list. */
    public BraceGroup {
      redirections = List.copyOf(redirections);
    }
  }

  /** {@code if c; then b; elif c; then b; else e; fi}: the first branch is the {@code if}. */
  record If(
      List<IfBranch> branches,
      Optional<Sequence> elseBody,
      List<Redirection> redirections,
      int offset,
      int endOffset)
      implements CommandNode {
    /** Copies the lists. */
    public If {
      branches = List.copyOf(branches);
      redirections = List.copyOf(redirections);
    }
  }

  /** One {@code if} or {@code elif} branch: its condition and its body. */
  record IfBranch(Sequence condition, Sequence body, int offset, int endOffset) implements Node {}

  /**
   * {@code for name [in words]; do body; done}; {@code items} is empty when the {@code in} list is
   * absent (iterate over {@code "$@"}) and for bash's arithmetic {@code for ((;;))}, whose header
   * is kept as the variable text.
   */
  record For(
      String variable,
      Optional<List<Word>> items,
      Sequence body,
      List<Redirection> redirections,
      int offset,
      int endOffset)
      implements CommandNode {
    /** Copies the lists. */
    public For {
      items = items.map(List::copyOf);
      redirections = List.copyOf(redirections);
    }
  }

  /** {@code while} or {@code until} loop. */
  record Loop(
      LoopKind kind,
      Sequence condition,
      Sequence body,
      List<Redirection> redirections,
      int offset,
      int endOffset)
      implements CommandNode {
    /** Copies the redirection list. */
    public Loop {
      redirections = List.copyOf(redirections);
    }
  }

  /** Which loop keyword a {@link Loop} uses. */
  enum LoopKind {
    /** Runs the body while the condition succeeds. */
    WHILE,
    /** Runs the body until the condition succeeds. */
    UNTIL
  }

  /** {@code case word in pattern) body;; ... esac}. */
  record Case(
      Word subject, List<CaseItem> items, List<Redirection> redirections, int offset, int endOffset)
      implements CommandNode {
    /** Copies the lists. */
    public Case {
      items = List.copyOf(items);
      redirections = List.copyOf(redirections);
    }
  }

  /** One {@code pattern | pattern) body ;;} clause of a {@link Case}. */
  record CaseItem(List<Word> patterns, Sequence body, int offset, int endOffset) implements Node {
    /** Copies the pattern list. */
    public CaseItem {
      patterns = List.copyOf(patterns);
    }
  }

  /** {@code name() body} or bash's {@code function name body}. */
  record FunctionDefinition(
      String name, CommandNode body, List<Redirection> redirections, int offset, int endOffset)
      implements CommandNode {
    /** Copies the redirection list. */
    public FunctionDefinition {
      redirections = List.copyOf(redirections);
    }
  }
}
