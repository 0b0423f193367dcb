package dev.stowage.dockerfile.shell;

/**
 * A piece of shell syntax with a source span.
 *
 * <p>Offsets are 0-based character indexes into the string given to {@link ShellScript#parse};
 * {@code offset()} is inclusive and {@code endOffset()} exclusive. All nodes are immutable.
 */
public sealed interface Node
    permits Sequence,
        AndOrList,
        Pipeline,
        CommandNode,
        CommandNode.IfBranch,
        CommandNode.CaseItem,
        Word,
        WordPart,
        Assignment,
        Redirection {

  /** Start of this node, 0-based and inclusive. */
  int offset();

  /** End of this node, 0-based and exclusive. */
  int endOffset();
}
