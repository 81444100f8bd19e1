package dev.chainrule.core.graph;

import dev.chainrule.core.scalar.Scalar;
import dev.chainrule.core.tensor.DType;
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
   * Returns this operation's forward computation prepared as {@link #prepare(List, Shape)} is, for
   * tensors of {@code dtype}: what a compiled plan runs. The default is {@code prepare(inputs,
   * output)}, so an operation that {@link #supports} float32 either makes that kernel (and {@link
   * #forward}) read the tensors' dtype, or overrides this with a kernel per dtype. Called only for
   * a dtype the operation supports.
   */
  default Kernel prepare(List<Shape> inputs, Shape output, DType dtype) {
    return prepare(inputs, output);
  }

  /**
   * Returns whether the operation's kernels compute in {@code dtype}: float64 always; float32 for
   * the elementwise operations (their scalar forms run in float32 loops) and for the operations
   * whose kernels say so. A plan refuses to run an operation in a dtype it does not support,
   * naming the operation, the node and the dtype.
   */
  default boolean supports(DType dtype) {
    return dtype == DType.FLOAT64;
  }

  /**
   * Returns the dtype of the output of this operation on inputs of dtype {@code inputs} (which
   * {@link Graph#apply} makes sure they share): that same dtype, except for a cast.
   */
  default DType outputDType(DType inputs) {
    return inputs;
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
   * Returns how the gradient sent to input number {@code input} joins the gradients of other
   * nodes reading that input, when their sum has a cheaper form (the parts of one split: one
   * concat of their gradients rather than a sum of gradients padded to the whole), or null (the
   * default): reverse mode then sums each reader's {@link #vjp}. Readers whose joins are equal
   * are joined together; the join of one node alone must equal its {@code vjp}.
   */
  default GradientJoin gradientJoin(int input) {
    return null;
  }

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
   * Returns the Jacobian-vector product of {@code output} when its inputs move together, input i
   * by {@code tangents.get(i)} (null for an input that carries no tangent or gets no derivative),
   * when that has a cheaper form than the sum of each input's {@link #jvp} (a concat: one concat of
   * its inputs' tangents rather than a sum of tangents padded to the whole), or null (the default):
   * forward mode then sums the parts. It must equal that sum.
   */
  default Node jvpJoin(Node output, List<Node> tangents) {
    return null;
  }

  /**
   * Returns the Jacobian-matrix product for input number {@code input} of {@code output}, written
   * as one matrix expression: J·M, where J is the Jacobian of the output's elements with respect to
   * that input's elements (both in row-major order) and {@code columns} is a matrix M of shape
   * (number of the input's elements, n); the result has shape (number of the output's elements, n).
   * Column j of the result is the {@link #jvp} of column j of M reshaped to the input's shape, but
   * the whole is written as the textbooks write a derivative matrix — diag(b)·M for a product with
   * b, Bᵀ·M for a row times B, −M, 1ᵀ·M for a sum — so that a Hessian extracted from a
   * Hessian-vector product prints as X·diag(A ∘ (1 − A))·Xᵀ/m. {@code columns} may be the
   * identity diag(1) ({@code Diag.isIdentity}), which a rule should not multiply by. Null (the
   * default) when the operation has no such form for these shapes; the extraction that asks for it
   * then falls back to a matrix assembled column by column.
   */
  default Node jmp(Node output, Node columns, int input) {
    return null;
  }

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

  /**
   * Returns whether each element of {@code output}, a node of this operation, adds up {@code k}
   * terms: a sum or a mean over k elements or along an axis of size k, a matrix product whose
   * inner dimension is k, or what passes such a count on (a negation). The printer writes a
   * number k or 1/k beside such a node as a batch size m or 1/m it knows, and any other number as
   * itself. The default is false.
   */
  default boolean addsUp(Node output, double k) {
    return false;
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
