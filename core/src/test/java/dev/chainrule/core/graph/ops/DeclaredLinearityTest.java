package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.ops.OpCatalogue.Entry;
import dev.chainrule.core.tensor.Samples;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.testing.Close;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks on every {@link OpCatalogue} entry that each operand an operation's {@link
 * dev.chainrule.core.graph.Algebra} declares linear is linear in the forward pass: op(…, c·x + y,
 * …) = c·op(…, x, …) + op(…, y, …) with the other operands held. The rewriter takes scalar factors
 * out of such operands, and forward mode's rule for them is the operation applied to the tangent,
 * so a declaration that does not hold (a padding with a non-zero fill, say) would give wrong
 * numbers in both.
 */
class DeclaredLinearityTest {
  private static final double RELATIVE = 1e-12;
  private static final double C = -2.5;

  static Stream<Entry> entries() {
    return OpCatalogue.entries().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void everyOperandDeclaredLinearIsLinear(Entry e) {
    Random r = new Random(e.name().hashCode() * 17L + 3);
    for (int i = 0; i < e.inputs().size(); i++) {
      if (!e.op().algebra().linear(i)) {
        continue;
      }
      Tensor x = e.inputs().get(i);
      Tensor y = Samples.uniform(r, -1, 1, x.shape().dims());
      Tensor scaled = run(e, i, x).mul(C);
      Tensor other = run(e, i, y);
      double floor = RELATIVE * (1 + maxAbs(scaled) + maxAbs(other));
      Close.assertClose(e.name() + ": linear in operand " + i, run(e, i, x.mul(C).add(y)),
          scaled.add(other), RELATIVE, floor);
    }
  }

  /** Returns the entry's operation run with operand {@code i} replaced by {@code value}. */
  private static Tensor run(Entry e, int i, Tensor value) {
    Op op = e.op();
    List<Tensor> in = new ArrayList<>(e.inputs());
    in.set(i, value);
    List<Shape> shapes = in.stream().map(Tensor::shape).toList();
    Tensor out = Tensor.zeros(op.inferShape(shapes));
    op.forward(in.toArray(new Tensor[0]), out);
    return out;
  }

  private static double maxAbs(Tensor t) {
    double m = 0;
    for (double v : t.buffer()) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }
}
