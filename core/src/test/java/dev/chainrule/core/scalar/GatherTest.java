package dev.chainrule.core.scalar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.tensor.Shape;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * Reads of a broadcast operand, whose axes are merged into long runs, against the definition
 * computed in the test: element i of the target reads the operand at the target's multi-index with
 * every broadcast axis set to 0 (and the leading axes the operand lacks dropped).
 */
class GatherTest {
  /** The batch norm case: (1, c, 1, 1) in (n, c, h, w), runs crossing channels and samples. */
  @Test
  void aChannelOperandReadsEachChannelForAWholeImage() {
    Shape target = Shape.of(2, 3, 4, 5);
    double[] channel = {10, 20, 30};
    Gather g = new Gather(Shape.of(1, 3, 1, 1), target);
    double[] out = new double[37];
    g.read(channel, 15, 37, out);
    for (int k = 0; k < 37; k++) {
      int flat = 15 + k;
      assertEquals(channel[flat / 20 % 3], out[k], "element " + flat);
      assertEquals(flat / 20 % 3, g.offsetOf(flat));
    }
  }

  /** Random shapes and broadcast patterns, read from random starts in random lengths. */
  @Property(tries = 300)
  void readsMatchTheDefinition(@ForAll @LongRange(max = 1_000_000) long seed) {
    Random r = new Random(seed);
    int rank = 1 + r.nextInt(5);
    int[] dims = new int[rank];
    for (int i = 0; i < rank; i++) {
      dims[i] = 1 + r.nextInt(4);
    }
    int dropped = r.nextInt(rank);
    int[] own = new int[rank - dropped];
    for (int i = 0; i < own.length; i++) {
      own[i] = r.nextBoolean() ? 1 : dims[dropped + i];
    }
    Shape target = Shape.of(dims);
    Shape operand = Shape.of(own);
    double[] src = new double[operand.size()];
    for (int i = 0; i < src.length; i++) {
      src[i] = i + 0.5;
    }
    Gather g = new Gather(operand, target);
    int size = target.size();
    int start = r.nextInt(size);
    int n = 1 + r.nextInt(size - start);
    double[] out = new double[n];
    g.read(src, start, n, out);
    double[] expected = new double[n];
    for (int k = 0; k < n; k++) {
      int offset = definition(start + k, dims, own);
      expected[k] = src[offset];
      assertEquals(offset, g.offsetOf(start + k), "offset of " + (start + k));
    }
    assertArrayEquals(expected, out, () -> "operand " + operand + " in " + target + " from "
        + start + ", " + n + " elements");
  }

  /** Returns the operand's flat index read at flat position {@code flat} of the target. */
  private static int definition(int flat, int[] dims, int[] own) {
    int[] index = new int[dims.length];
    for (int d = dims.length - 1; d >= 0; d--) {
      index[d] = flat % dims[d];
      flat /= dims[d];
    }
    int offset = 0;
    int lead = dims.length - own.length;
    for (int d = 0; d < own.length; d++) {
      offset = offset * own[d] + (own[d] == 1 ? 0 : index[lead + d]);
    }
    return offset;
  }
}
