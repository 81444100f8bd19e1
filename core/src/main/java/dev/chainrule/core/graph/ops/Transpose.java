package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Kernel;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.tensor.Permute;
import dev.chainrule.core.tensor.PermuteLoop;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * Permutes the axes of a tensor (for a matrix, the transpose Aᵀ); its derivative permutes the
 * gradient back with the inverse permutation.
 *
 * @param permutation output axis i is input axis {@code permutation[i]}
 */
public record Transpose(int[] permutation) implements dev.chainrule.core.graph.Op {
  /** Creates the op, keeping its own copy of the permutation. */
  public Transpose {
    permutation = permutation.clone();
  }

  @Override
  public String name() {
    return "transpose";
  }

  @Override
  public Shape inferShape(List<Shape> inputs) {
    return Permute.shape(inputs.get(0), permutation);
  }

  @Override
  public void forward(Tensor[] inputs, Tensor out) {
    Permute.into(inputs[0], permutation, out);
  }

  @Override
  public Kernel prepare(List<Shape> inputs, Shape output) {
    PermuteLoop loop = new PermuteLoop(inputs.get(0), permutation);
    return (in, out) -> loop.run(in[0].buffer(), out.buffer());
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    return upstream.transpose(Permute.inverse(permutation));
  }

  @Override
  public Notation notation() {
    return Notation.postfix("ᵀ", "^{T}");
  }

  @Override
  public String label() {
    return permutation.length == 2 ? "ᵀ" : "transpose " + Arrays.toString(permutation);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Transpose && Arrays.equals(permutation, ((Transpose) o).permutation);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(permutation);
  }

  @Override
  public String toString() {
    return "Transpose" + Arrays.toString(permutation);
  }
}
