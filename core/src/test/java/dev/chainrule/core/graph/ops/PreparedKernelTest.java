package dev.chainrule.core.graph.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.graph.Kernel;
import dev.chainrule.core.graph.ops.OpCatalogue.Entry;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation's prepared kernel gives its {@code forward}'s numbers bit for bit, on every
 * {@link OpCatalogue} entry, and keeps doing so when run again into a dirty output buffer (a
 * kernel keeps scratch space between runs, and plans reuse buffers).
 */
class PreparedKernelTest {
  static Stream<Entry> entries() {
    return OpCatalogue.entries().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void preparedKernelEqualsForward(Entry e) {
    List<Shape> shapes = new ArrayList<>();
    for (Tensor t : e.inputs()) {
      shapes.add(t.shape());
    }
    Shape out = e.op().inferShape(shapes);
    Tensor[] in = e.inputs().toArray(new Tensor[0]);
    Tensor expected = Tensor.zeros(out);
    e.op().forward(in, expected);
    Kernel k = e.op().prepare(shapes, out);
    Tensor actual = Tensor.full(out, Double.NaN);
    for (int run = 0; run < 2; run++) {
      k.run(in, actual);
      assertEquals(expected, actual, e.name() + ", run " + run);
      actual.fillInPlace(-1e300);
    }
  }
}
