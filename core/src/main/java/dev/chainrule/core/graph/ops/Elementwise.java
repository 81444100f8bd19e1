package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Kernel;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.scalar.ChunkLoop;
import dev.chainrule.core.scalar.FloatChunkLoop;
import dev.chainrule.core.scalar.Layout;
import dev.chainrule.core.scalar.Program;
import dev.chainrule.core.scalar.Scalar;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * An operation computed element by element from its {@link #scalarForm}, its inputs broadcast to
 * the output's shape under NumPy's rules. The form is the whole kernel: {@code forward} and
 * {@code prepare} evaluate it with the same loops that run it inside fused loops, so an
 * implementation writes the form, the shape rule (unary and binary ones inherit it), the
 * derivative and the notation, and nothing else.
 */
public interface Elementwise extends Op {
  /** Returns the form; an elementwise operation always has one. */
  @Override
  Scalar scalarForm();

  @Override
  default void forward(Tensor[] inputs, Tensor out) {
    List<Shape> shapes = new ArrayList<>(inputs.length);
    for (Tensor t : inputs) {
      shapes.add(t.shape());
    }
    prepare(shapes, out.shape(), out.dtype()).run(inputs, out);
  }

  /** Returns true: the form runs in float32 loops as in float64 ones. */
  @Override
  default boolean supports(DType dtype) {
    return true;
  }

  /** Lays the form out once for these shapes and dtype; the kernel then allocates nothing. */
  @Override
  default Kernel prepare(List<Shape> inputs, Shape output, DType dtype) {
    return dtype == DType.FLOAT32 ? floatKernel(scalarForm(), inputs, output)
        : prepare(inputs, output);
  }

  /** Lays the form out once for these shapes; the kernel then allocates nothing. */
  @Override
  default Kernel prepare(List<Shape> inputs, Shape output) {
    Program p = Program.of(scalarForm(), inputs.size());
    ChunkLoop loop = new ChunkLoop(new Layout(p, output, inputs.toArray(new Shape[0])), null);
    double[][] in = new double[inputs.size()][];
    double[][] out = new double[1][];
    int size = output.size();
    return (values, o) -> {
      for (int i = 0; i < in.length; i++) {
        in[i] = values[i].buffer();
      }
      out[0] = o.buffer();
      loop.run(in, out, 0, size);
    };
  }

  /**
   * Returns the float32 kernel of {@code form} for these shapes: the form's primitives run by
   * {@link FloatChunkLoop} over the tensors' {@code float[]} storage.
   */
  static Kernel floatKernel(Scalar form, List<Shape> inputs, Shape output) {
    Program p = Program.of(form, inputs.size());
    FloatChunkLoop loop = new FloatChunkLoop(new Layout(p, output,
        inputs.toArray(new Shape[0])), null);
    float[][] in = new float[inputs.size()][];
    float[][] out = new float[1][];
    int size = output.size();
    return (values, o) -> {
      for (int i = 0; i < in.length; i++) {
        in[i] = values[i].floatBuffer();
      }
      out[0] = o.floatBuffer();
      loop.run(in, out, 0, size);
    };
  }

  /**
   * Returns {@code part}, a term of the tangent of {@code output}, broadcast to the output's shape
   * when it has the smaller shape of an input that was broadcast (a tangent of shape (1, n)
   * against an output of shape (m, n)); {@code part} itself when it already fits.
   */
  static Node spreadTo(Node part, Node output) {
    return part.shape().equals(output.shape()) ? part : part.broadcastTo(output.shape());
  }
}
