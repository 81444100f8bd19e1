package dev.chainrule.core.rewrite;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Op;
import java.util.List;

/**
 * One family of local rewrites, consulted each time the rewriter is about to build a node: given
 * the operation and its (already rewritten) inputs, a rule either returns an equivalent node built
 * through {@link Rewriting} or null to leave the node as it is. A rule must never change values:
 * the rewritten node computes the same numbers as {@code op} applied to {@code inputs}.
 */
public interface Rule {
  /** Returns the rule's name, e.g. {@code "neutral elements"}. */
  String name();

  /**
   * Returns a node equal in value and shape to {@code op(inputs)}, built with {@code rewriting}
   * and recorded with {@link Rewriting#fired}, or null when the rule does not apply.
   */
  Node rewrite(Op op, List<Node> inputs, Rewriting rewriting);
}
