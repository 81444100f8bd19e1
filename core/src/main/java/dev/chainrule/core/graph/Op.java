package dev.chainrule.core.graph;

import dev.chainrule.core.scalar.Scalar;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.List;

/**
 * A differentiable primitive: its shape rule, its forward kernel, its local derivative expressed
 * as graph operations (so that a gradient is itself a graph that can be differentiated again),
 * and how it is written in labels and formulas. Implementations are stateless or records of their
 * attributes; adding one is adding one small file.
 */
public interface Op {
  /** Returns the stable identifier used in errors, labels and files, e.g. {@code "matmul"}. */
  String name();

  /**
   * Returns the output shape for inputs of the given shapes, or throws an {@link
   * IllegalArgumentException} that says which shapes disagree and why.
   */
  Shape inferShape(List<Shape> inputs);

  /**
   * Computes the output from the input values into {@code out}, whose shape is the inferred one.
   * Must not modify the inputs; must overwrite every element of {@code out}.
   */
  void forward(Tensor[] inputs, Tensor out);

  /**
   * Returns this operation's forward computation prepared for inputs of the shapes {@code inputs}
   * and an output of shape {@code output}: what a compiled plan runs, once per step. It must give
   * the same numbers as {@link #forward}, bit for bit. The default simply calls {@code forward};
   * operations that work out strides or allocate scratch space per call override it so that the
   * plan's steps allocate nothing.
   */
  default Kernel prepare(List<Shape> inputs, Shape output) {
    return this::forward;
  }

  /**
   * Returns the vector-Jacobian product for input number {@code input} of {@code output}: the
   * gradient of the loss with respect to that input, given {@code upstream}, the gradient with
   * respect to {@code output}; or null when no gradient flows to that input (for example the mask
   * of a comparison). Reverse mode asks only for the inputs through which a requested target
   * reaches the loss, in input order, so the derivative of an input nobody needs (a fed input, a
   * constant) is never built; each call builds only what its own input's gradient needs.
   */
  Node vjp(Node output, Node upstream, int input);

  /**
   * Returns the Jacobian-vector product for input number {@code input} of {@code output}: how the
   * output moves, to first order, when that input moves by {@code tangent} (a node of the input's
   * shape), built from graph operations of the output's shape so that it can be evaluated, printed
   * and differentiated again; or null when the output does not depend on that input
   * differentiably (see {@link #differentiable}). Forward mode asks only for the inputs that carry
   * a tangent and sums the parts. It is the transpose of {@link #vjp}: for every u and v,
   * ⟨u, jvp(v)⟩ = ⟨vjp(u), v⟩. An operation linear in that input returns itself applied to the
   * tangent, {@link #applyToTangent}.
   */
  Node jvp(Node output, Node tangent, int input);

  /**
   * Returns the operation of {@code output} applied to its inputs with input number {@code input}
   * replaced by {@code tangent}: the Jacobian-vector product of an operation that is linear in
   * that input (a matrix product, a sum, a reshape, a convolution), whose derivative along a
   * tangent is the operation itself.
   */
  static Node applyToTangent(Node output, Node tangent, int input) {
    Node[] inputs = output.inputs().toArray(new Node[0]);
    inputs[input] = tangent;
    return output.graph().apply(output.op(), inputs);
  }

  /**
   * Returns whether any gradient flows from the output to input number {@code input}: false for
   * an input the output depends on only piecewise-constantly (the operands of a comparison, the
   * condition of {@code where}). Reverse mode never asks for the {@link #vjp} of such an input, and
   * a path through it does not count as leading to a target, so no gradient is built towards it.
   */
  default boolean differentiable(int input) {
    return true;
  }

  /**
   * Returns the operation's scalar form when it is elementwise, else null (the default). Element
   * i of the output is then this form evaluated at element i of each input, with {@link
   * Scalar#argument argument(k)} standing for input k: inputs are broadcast to the output's shape,
   * and an input with as many elements as the output is read at the same flat position (so a
   * reshape's form is its argument). An operation with a form runs inside fused loops and
   * generated code, which know the form's primitives and no operation; one without runs its own
   * kernel as a step of its own.
   */
  default Scalar scalarForm() {
    return null;
  }

  /**
   * Returns what the rewriter may assume about the operation: linearity, neutral elements and
   * identities of its own. The default, {@link Algebra#NONE}, lets the rewriter leave it alone.
   */
  default Algebra algebra() {
    return Algebra.NONE;
  }

  /** Returns how the operation is written in formulas and labels. */
  Notation notation();

  /**
   * Writes the operation in a formula from its operands' formulas, which {@code w} holds. The
   * default writes it by its {@link #notation}; operations with a form of their own (a sum Σ, a
   * power, a transpose, a fused loss) compose it from the writer's forms.
   */
  default <F> F formula(FormulaWriter<F> w) {
    return w.generic(notation());
  }

  /** Returns a short label for graph pictures, the notation's symbol plus any attributes. */
  default String label() {
    return notation().text();
  }
}
