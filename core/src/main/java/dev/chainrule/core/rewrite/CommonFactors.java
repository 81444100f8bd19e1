package dev.chainrule.core.rewrite;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.Rewrite;
import java.util.List;

/**
 * Collects the terms of sums as the matrix-calculus textbooks write them, as the operations
 * declare it in their {@link dev.chainrule.core.graph.Algebra}: x + x → 2·x, a shared operand
 * taken out of a sum or difference of two products (A·x + Aᵀ·x → (A + Aᵀ)·x, generic over the
 * operands a product is linear in), and a matrix before its transpose (Aᵀ + A → A + Aᵀ).
 */
final class CommonFactors implements Rule {
  @Override
  public String name() {
    return "common factors";
  }

  @Override
  public Node rewrite(Op op, List<Node> in, Rewriting r) {
    return Patterns.identities(op, in, r, Rewrite.Family.COMMON_FACTORS);
  }
}
