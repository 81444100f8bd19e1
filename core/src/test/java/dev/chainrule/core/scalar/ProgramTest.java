package dev.chainrule.core.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Programs built from forms: values agree with evaluating the forms one by one, a form inlined
 * for many members is flattened correctly each time, and the same primitive on the same values is
 * one instruction however it is reached.
 */
class ProgramTest {
  /** Runs {@code p} on {@code externals} instruction by instruction and returns every value. */
  private static double[] run(Program p, double... externals) {
    double[] v = new double[p.values()];
    System.arraycopy(externals, 0, v, 0, externals.length);
    for (int x = 0; x < p.values(); x++) {
      if (p.kind(x) == Program.Kind.CONSTANT) {
        v[x] = p.constant(x);
      }
    }
    for (int k = 0; k < p.length(); k++) {
      double[] in = new double[3];
      for (int j = 0; j < p.primitive(k).arity(); j++) {
        in[j] = v[p.operand(k, j)];
      }
      v[p.result(k)] = p.primitive(k).apply(in[0], in[1], in[2]);
    }
    return v;
  }

  @Test
  void oneFormObjectInlinedAlongAChainGivesTheChainsValues() {
    Scalar a = Scalar.argument(0);
    Scalar b = Scalar.argument(1);
    Scalar step = a.mul(b).add(a.tanh().mul(0.25));
    Program.Builder builder = new Program.Builder(2);
    int y = 0;
    for (int i = 0; i < 300; i++) {
      y = builder.inline(step, new int[] {y, 1});
    }
    builder.output(y);
    Program p = builder.build();
    double expected = 0.7;
    for (int i = 0; i < 300; i++) {
      expected = step.evaluate(expected, 0.99);
    }
    double[] values = run(p, 0.7, 0.99);
    assertEquals(expected, values[p.outputs()[0]], 0.0);
    assertEquals(300 * 4, p.length(), "mul, tanh, mul by 0.25 and add per step");
  }

  @Test
  void theSamePrimitiveOnTheSameValuesIsOneInstruction() {
    Scalar x = Scalar.argument(0);
    Program.Builder builder = new Program.Builder(2);
    int twice = builder.inline(x.exp().add(x.exp()), new int[] {0});
    int again = builder.inline(x.exp(), new int[] {0});
    int other = builder.inline(x.exp(), new int[] {1});
    builder.output(twice);
    Program p = builder.build();
    assertEquals(3, p.length(), "exp(x0) once, its sum, exp(x1)");
    assertEquals(p.operand(p.definer(twice), 0), again);
    assertTrue(other != again);
    double[] values = run(p, 0.5, -2.0);
    assertEquals(2 * Math.exp(0.5), values[twice], 0.0);
    assertEquals(Math.exp(-2.0), values[other], 0.0);
  }

  @Test
  void thousandsOfDistinctInstructionsAreEachFoundAgain() {
    Random random = new Random(5);
    Program.Builder builder = new Program.Builder(3);
    int[][] pairs = new int[5000][];
    int[] made = new int[pairs.length];
    int values = 3;
    for (int i = 0; i < pairs.length; i++) {
      pairs[i] = new int[] {random.nextInt(values), random.nextInt(values)};
      made[i] = builder.apply(Primitive.SUB, pairs[i]);
      values = Math.max(values, made[i] + 1);
    }
    int distinct = builder.build().length();
    for (int i = 0; i < pairs.length; i++) {
      assertEquals(made[i], builder.apply(Primitive.SUB, pairs[i].clone()), "pair " + i);
    }
    assertEquals(distinct, builder.build().length(), "no instruction added the second time");
  }

  @Test
  void aFormReadingAMissingArgumentIsRefused() {
    Program.Builder builder = new Program.Builder(1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> builder.inline(Scalar.argument(0).add(Scalar.argument(1)), new int[] {0}));
    assertEquals("the form reads argument 1 but the operation has 1 inputs", e.getMessage());
  }
}
