package dev.stowage.image;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A file tree as dive builds one per layer and stacks them: nodes for every path prefix, an entry's
 * size and directory flag on its own node, intermediate nodes with size 0 and no flag, and whiteout
 * entries kept as {@code .wh.NAME} nodes. Walks are iterative, so deep hostile trees cannot
 * overflow the stack. Not thread-safe.
 */
final class FileTree {
  static final String WHITEOUT = ".wh.";
  static final String OPAQUE = ".wh..wh..opq";

  /** One path component. */
  static final class Node {
    final String name;
    final @Nullable Node parent;
    @Nullable TreeMap<String, Node> children;
    long size;
    boolean dir;
    /** Whether a tar entry named this node (not just a prefix of one). */
    boolean explicit;
    /** Whether the layer marked this directory opaque ({@code .wh..wh..opq}). */
    boolean opaque;
    /** The index of the layer whose entry this node took its information from. */
    int layer;
    /** CRC32C of a regular file's content (0 for anything else). */
    int crc;

    Node(String name, @Nullable Node parent) {
      this.name = name;
      this.parent = parent;
    }

    boolean isLeaf() {
      return children == null || children.isEmpty();
    }

    boolean isWhiteout() {
      return name.startsWith(WHITEOUT);
    }

    Map<String, Node> children() {
      return children == null ? Map.of() : children;
    }

    /** The absolute path; a whiteout node names the path it removes, as dive's does. */
    String path() {
      if (parent == null) {
        return "/";
      }
      List<String> names = new ArrayList<>();
      for (Node n = this; n.parent != null; n = n.parent) {
        names.add(n == this && isWhiteout() ? name.substring(WHITEOUT.length()) : n.name);
      }
      StringBuilder sb = new StringBuilder();
      for (int i = names.size() - 1; i >= 0; i--) {
        sb.append('/').append(names.get(i));
      }
      return sb.toString();
    }

    /** The path components from the root, whiteout prefix stripped from this node. */
    List<String> segments() {
      List<String> out = new ArrayList<>();
      for (Node n = this; n.parent != null; n = n.parent) {
        out.add(0, n == this && isWhiteout() ? name.substring(WHITEOUT.length()) : n.name);
      }
      return out;
    }
  }

  final Node root = new Node("", null);

  /** Adds (or finds) the node for {@code segments}, creating prefixes as intermediate nodes. */
  Node add(List<String> segments) {
    Node node = root;
    for (String s : segments) {
      if (node.children == null) {
        node.children = new TreeMap<>();
      }
      Node parent = node;
      node = node.children.computeIfAbsent(s, k -> new Node(k, parent));
    }
    return node;
  }

  /** The child {@code name} of {@code parent}, created when missing. */
  static Node child(Node parent, String name) {
    if (parent.children == null) {
      parent.children = new TreeMap<>();
    }
    Node n = parent.children.get(name);
    if (n == null) {
      n = new Node(name, parent);
      parent.children.put(name, n);
    }
    return n;
  }

  Optional<Node> get(List<String> segments) {
    Node node = root;
    for (String s : segments) {
      Node next = node.children().get(s);
      if (next == null) {
        return Optional.empty();
      }
      node = next;
    }
    return Optional.of(node);
  }

  static void remove(Node node) {
    if (node.parent != null && node.parent.children != null) {
      node.parent.children.remove(node.name);
    }
  }

  /** Every node under {@code start} (itself included), parents before children, names sorted. */
  static List<Node> preOrder(Node start) {
    List<Node> out = new ArrayList<>();
    Deque<Node> todo = new ArrayDeque<>();
    todo.push(start);
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      out.add(n);
      List<Node> kids = new ArrayList<>(n.children().values());
      for (int i = kids.size() - 1; i >= 0; i--) {
        todo.push(kids.get(i));
      }
    }
    return out;
  }

  /** The sum of the sizes of {@code start} and every node under it. */
  static long subtreeSize(Node start) {
    long sum = 0;
    for (Node n : preOrder(start)) {
      sum += n.size;
    }
    return sum;
  }

  /** The non-directory leaves under {@code start} (itself when it is one). */
  static int fileCount(Node start) {
    int count = 0;
    for (Node n : preOrder(start)) {
      if (n.isLeaf() && !n.dir && n.parent != null) {
        count++;
      }
    }
    return count;
  }
}
