package dev.chainrule.core.graph;

import java.util.List;
import java.util.function.Supplier;

/**
 * An identity of one operation that the rewriter may apply, written in the operation's own file
 * (for example −(−x) → x in {@code Neg}, (Aᵀ)ᵀ → A in {@code Transpose}): given the operation and
 * its already rewritten inputs, it returns an equal node built through the {@link Context}, or
 * null when it does not apply. It must never change values beyond rounding; it is consulted
 * with the rule family it belongs to (see {@link Algebra}).
 */
@FunctionalInterface
public interface Rewrite {
  /** The rule families of the rewriter, which a user switches on or off together. */
  enum Family {
    /** Identities that remove work: x + 0 → x, (Aᵀ)ᵀ → A, a reshape to its own shape. */
    NEUTRAL_ELEMENTS,
    /** Moving negations outwards, where they cancel or become subtractions. */
    SIGNS,
    /** Gathering scalar factors in front, as the seeds write (1/m)·dZ·Aᵀ. */
    SCALAR_FACTORS,
    /** Sums of broadcasts and reductions over axes of size 1. */
    REDUCTIONS,
    /** Collecting terms of a sum: x + x → 2·x, A·x + B·x → (A + B)·x, Aᵀ + A → A + Aᵀ. */
    COMMON_FACTORS
  }

  /**
   * Returns a node equal to {@code op(inputs)}, built with {@code c} and recorded with {@link
   * Context#fired}, or null when the identity does not apply.
   */
  Node apply(Op op, List<Node> inputs, Context c);

  /** What a rewrite builds with: the rewriter's node factory. */
  interface Context {
    /** Returns {@code op} applied to {@code inputs}, itself rewritten, shared when equal. */
    Node apply(Op op, Node... inputs);

    /** Returns the scalar literal {@code value}. */
    Node literal(double value);

    /** Returns c when every element of {@code n} is the constant c, else null. */
    Double uniformValue(Node n);

    /**
     * Returns the node {@code form} builds, which computes again, in another form, what the
     * unnamed node {@code original} computes (Bᵀ·Aᵀ for a read of (A·B)ᵀ); or null, without
     * building it, where the rewriter found on an earlier attempt that {@code original} stays
     * needed by other nodes as well, so that the new form would compute the work a second time.
     * A rewrite that gets null does not apply. The default builds the form.
     */
    default Node recomputing(Node original, Supplier<Node> form) {
      return form.get();
    }

    /** Records that the rewrite named {@code rule} fired and returns its {@code result}. */
    Node fired(String rule, Node result);

    /**
     * Returns true when {@code n} is an unnamed node computed by exactly {@code op}: a node the
     * user named is opaque to the algebra, so that its name survives.
     */
    default boolean is(Node n, Op op) {
      return !n.isUserNamed() && n.kind() == NodeKind.OPERATION && n.op().equals(op);
    }

    /** Returns true when {@code n} is an unnamed node computed by an instance of {@code type}. */
    default boolean is(Node n, Class<? extends Op> type) {
      return !n.isUserNamed() && n.kind() == NodeKind.OPERATION && type.isInstance(n.op());
    }
  }
}
