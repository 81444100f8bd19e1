package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.Range;
import dev.chainrule.core.graph.ops.Compare.Relation;
import dev.chainrule.core.tensor.Naive;
import dev.chainrule.core.tensor.Naive.Reduction;
import dev.chainrule.core.tensor.NaiveStructure;
import dev.chainrule.core.tensor.Samples;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;

/**
 * One entry per operation and configuration: the op, sample inputs inside its valid domain (log
 * and sqrt positive, abs and relu away from 0, max without ties, comparisons without near-ties),
 * broadcasting cases for the binary ops, and a reference forward computed by {@link Naive}.
 * {@link OpContractTest} runs every entry through the same contract, and fails when an op class
 * has no entry here.
 */
public final class OpCatalogue {
  private static final int[] M23 = {2, 3};
  private static final int[] T234 = {2, 3, 4};
  private static final int[][][] BROADCAST_PAIRS = {
      {{2, 3}, {2, 3}}, {{2, 3}, {3}}, {{3, 1}, {1, 4}}, {{}, {2, 3}}, {{2, 1, 3}, {4, 1}}};

  private final Random random = new Random(20240607L);
  private final List<Entry> entries = new ArrayList<>();

  /**
   * One catalogued configuration of an op.
   *
   * @param name a readable id, e.g. {@code "add (2, 3)+(3,)"}
   * @param op the operation
   * @param inputs the sample input values
   * @param reference the expected output computed independently from the inputs
   * @param noGradient which inputs the op's vjp must give no gradient (null)
   * @param perturbable which inputs finite differences may move (false for a 0/1 condition, and
   *     for comparisons sampled with exact ties to check their forward)
   */
  public record Entry(String name, Op op, List<Tensor> inputs,
      Function<List<Tensor>, Tensor> reference, boolean[] noGradient, boolean[] perturbable) {
    @Override
    public String toString() {
      return name;
    }
  }

  private OpCatalogue() {}

  /** Returns every entry, in a fixed order with fixed sample values. */
  public static List<Entry> entries() {
    OpCatalogue c = new OpCatalogue();
    c.elementwise();
    c.matrices();
    c.movement();
    c.fusedLosses();
    c.reductions();
    c.softmaxes();
    c.conditions();
    c.opsStructure();
    c.structureAlongAnAxis();
    c.entries.addAll(ConvolutionEntries.entries());
    return c.entries;
  }

  private void add(String name, Op op, Function<List<Tensor>, Tensor> reference,
      Tensor... inputs) {
    boolean[] none = new boolean[inputs.length];
    boolean[] all = new boolean[inputs.length];
    Arrays.fill(all, true);
    entries.add(new Entry(name, op, List.of(inputs), reference, none, all));
  }

  private void unary(Op op, DoubleUnaryOperator f, Tensor x) {
    add(op.label() + " " + x.shape(), op, in -> Naive.unary(in.get(0), f), x);
  }

  private void binary(Op op, DoubleBinaryOperator f, Tensor a, Tensor b) {
    add(op.name() + " " + a.shape() + "," + b.shape(), op,
        in -> Naive.binary(in.get(0), in.get(1), f), a, b);
  }

  private Tensor uniform(double lo, double hi, int... dims) {
    return Samples.uniform(random, lo, hi, dims);
  }

  private Tensor away(double lo, double hi, int... dims) {
    return Samples.awayFromZero(random, lo, hi, dims);
  }

  private void elementwise() {
    for (int[][] pair : BROADCAST_PAIRS) {
      binary(Add.INSTANCE, Double::sum, uniform(-2, 2, pair[0]), uniform(-2, 2, pair[1]));
      binary(Sub.INSTANCE, (x, y) -> x - y, uniform(-2, 2, pair[0]), uniform(-2, 2, pair[1]));
      binary(Mul.INSTANCE, (x, y) -> x * y, uniform(-2, 2, pair[0]), uniform(-2, 2, pair[1]));
      binary(Div.INSTANCE, (x, y) -> x / y, uniform(-2, 2, pair[0]), away(0.5, 2, pair[1]));
    }
    for (int[] dims : new int[][] {M23, {}}) {
      unary(Neg.INSTANCE, x -> -x, uniform(-2, 2, dims));
      unary(Exp.INSTANCE, Math::exp, uniform(-2, 2, dims));
      unary(Log.INSTANCE, Math::log, uniform(0.2, 3, dims));
      unary(Sqrt.INSTANCE, Math::sqrt, uniform(0.2, 3, dims));
      unary(Abs.INSTANCE, Math::abs, away(0.1, 2, dims));
      unary(Square.INSTANCE, x -> x * x, uniform(-2, 2, dims));
      unary(Sigmoid.INSTANCE, x -> 1 / (1 + Math.exp(-x)), uniform(-4, 4, dims));
      unary(Tanh.INSTANCE, x -> (Math.exp(x) - Math.exp(-x)) / (Math.exp(x) + Math.exp(-x)),
          uniform(-2, 2, dims));
      unary(Sin.INSTANCE, StrictMath::sin, uniform(-3, 3, dims));
      unary(Cos.INSTANCE, StrictMath::cos, uniform(-3, 3, dims));
      unary(ScratchSoftsign.INSTANCE, x -> x / (1 + Math.abs(x)), away(0.1, 2, dims));
      unary(Relu.INSTANCE, x -> x < 0 ? 0 : x, away(0.1, 2, dims));
      for (double alpha : new double[] {0.01, 0.2}) {
        unary(new LeakyRelu(alpha), x -> x < 0 ? alpha * x : x, away(0.1, 2, dims));
      }
      for (double p : new double[] {2, 3, 1, 0}) {
        unary(new Pow(p), x -> Math.pow(x, p), away(0.3, 2, dims));
      }
      for (double p : new double[] {0.5, -1.5, 2.5}) {
        unary(new Pow(p), x -> Math.exp(p * Math.log(x)), uniform(0.3, 2, dims));
      }
    }
    add("identity (2, 3)", Identity.INSTANCE, in -> in.get(0), uniform(-2, 2, M23));
    add("cast float64 (2, 3)", new Cast(DType.FLOAT64), in -> in.get(0), uniform(-2, 2, M23));
  }

  private void matrices() {
    Tensor a = uniform(-1, 1, 2, 3);
    Tensor b = uniform(-1, 1, 3, 4);
    Tensor at = Naive.transpose(a, new int[] {1, 0});
    Tensor bt = Naive.transpose(b, new int[] {1, 0});
    for (boolean ta : new boolean[] {false, true}) {
      for (boolean tb : new boolean[] {false, true}) {
        Tensor x = ta ? at : a;
        Tensor y = tb ? bt : b;
        add("matmul " + (ta ? "Aᵀ" : "A") + x.shape() + "·" + (tb ? "Bᵀ" : "B") + y.shape(),
            new MatMul(ta, tb), in -> Naive.matmul(in.get(0), ta, in.get(1), tb), x, y);
      }
    }
    add("matmul (3, 1)·(1, 2)", MatMul.PLAIN, in -> Naive.matmul(in.get(0), false, in.get(1),
        false), uniform(-1, 1, 3, 1), uniform(-1, 1, 1, 2));
    int[][][] vectors = {{{1, 3}, {3, 2}}, {{3, 1}, {3, 2}}, {{2, 3}, {1, 3}}, {{1, 1}, {1, 3}}};
    boolean[][] flags = {{false, false}, {true, false}, {false, true}, {false, false}};
    for (int k = 0; k < vectors.length; k++) {
      boolean ta = flags[k][0];
      boolean tb = flags[k][1];
      add("matmul " + (ta ? "Aᵀ" : "A") + Shape.of(vectors[k][0]) + "·" + (tb ? "Bᵀ" : "B")
          + Shape.of(vectors[k][1]), new MatMul(ta, tb), in -> Naive.matmul(in.get(0), ta,
          in.get(1), tb), uniform(-1, 1, vectors[k][0]), uniform(-1, 1, vectors[k][1]));
    }
    for (int[] dims : new int[][] {{3}, {1, 4}, {4, 1}, {}}) {
      add("diag " + Shape.of(dims), Diag.INSTANCE, in -> diagonalMatrix(in.get(0)),
          uniform(-2, 2, dims));
    }
  }

  /** The (k, k) matrix with the k elements of {@code v} on its diagonal, written out by rows. */
  private static Tensor diagonalMatrix(Tensor v) {
    double[] a = v.toArray();
    double[][] rows = new double[a.length][a.length];
    for (int i = 0; i < a.length; i++) {
      rows[i][i] = a[i];
    }
    return Tensor.matrix(rows);
  }

  private void movement() {
    int[][][] perms = {{M23, {1, 0}}, {M23, {0, 1}}, {T234, {2, 0, 1}}, {T234, {0, 2, 1}},
        {T234, {1, 0, 2}}, {{4}, {0}}};
    for (int[][] c : perms) {
      int[] perm = c[1];
      add("transpose " + Shape.of(c[0]) + " " + Arrays.toString(perm), new Transpose(perm),
          in -> Naive.transpose(in.get(0), perm), uniform(-2, 2, c[0]));
    }
    int[][][] reshapes = {{M23, {3, 2}}, {M23, {6}}, {{6}, {1, 2, 3}}, {{1, 1}, {}},
        {T234, {4, 6}}};
    for (int[][] c : reshapes) {
      int[] to = c[1];
      add("reshape " + Shape.of(c[0]) + " → " + Shape.of(to), new Reshape(Shape.of(to)),
          in -> Tensor.of(in.get(0).toArray(), to), uniform(-2, 2, c[0]));
    }
    int[][][] broadcasts = {{{3, 1}, {3, 4}}, {{4}, T234}, {{}, {2, 2}}, {{1, 3}, M23},
        {{2, 1, 3}, {2, 4, 3}}, {M23, M23}};
    for (int[][] c : broadcasts) {
      int[] to = c[1];
      add("broadcast " + Shape.of(c[0]) + " → " + Shape.of(to), new BroadcastTo(Shape.of(to)),
          in -> Naive.broadcastTo(in.get(0), to), uniform(-2, 2, c[0]));
    }
  }

  private void reductions() {
    int[][] axesSets = {{0}, {1}, {2}, {0, 2}, {1, 2}, {0, 1, 2}};
    for (boolean keep : new boolean[] {false, true}) {
      for (int[] axes : axesSets) {
        reduction(T234, axes, keep);
      }
      reduction(M23, new int[] {1}, keep);
      reduction(new int[] {5}, new int[] {0}, keep);
    }
    reduction(new int[] {}, new int[] {}, false);
  }

  private void reduction(int[] dims, int[] axes, boolean keep) {
    Axes reduced = Axes.of(Shape.of(dims), keep, axes);
    String what = Shape.of(dims) + " " + reduced.label();
    add("sum " + what, new Sum(reduced), in -> Naive.reduce(in.get(0), axes, keep,
        Reduction.SUM), uniform(-2, 2, dims));
    add("mean " + what, new Mean(reduced), in -> Naive.reduce(in.get(0), axes, keep,
        Reduction.MEAN), uniform(-2, 2, dims));
    add("max " + what, new Max(reduced), in -> Naive.reduce(in.get(0), axes, keep,
        Reduction.MAX), Samples.distinct(random, 0.1, dims));
  }

  private void softmaxes() {
    int[][][] cases = {{M23, {0}}, {M23, {1}}, {{4}, {0}}, {T234, {1}}, {T234, {2}}};
    for (int[][] c : cases) {
      int axis = c[1][0];
      add("softmax " + Shape.of(c[0]) + " axis " + axis, new Softmax(axis),
          in -> Naive.softmax(in.get(0), axis, false), uniform(-3, 3, c[0]));
      add("logsoftmax " + Shape.of(c[0]) + " axis " + axis, new LogSoftmax(axis),
          in -> Naive.softmax(in.get(0), axis, true), uniform(-3, 3, c[0]));
    }
  }

  private void conditions() {
    for (Relation rel : Relation.values()) {
      DoubleBinaryOperator f = truth(rel);
      Tensor a = uniform(-2, 2, M23);
      compare(rel, f, a, Naive.binary(a, away(0.1, 1, M23), Double::sum), true);
      Tensor row = uniform(-2, 2, 3);
      compare(rel, f, Naive.binary(row, away(0.1, 1, M23), Double::sum), row, true);
      Tensor s = uniform(-2, 2);
      compare(rel, f, s, Naive.binary(s, away(0.1, 1, M23), Double::sum), true);
      Tensor tiedHalf = Tensor.of(new double[] {row.toArray()[0], row.toArray()[1],
          row.toArray()[2], 0.5, -0.25, 3.0}, M23);
      compare(rel, f, tiedHalf, row, false);
    }
    whereCase(Samples.mask(random, M23), uniform(-2, 2, M23), uniform(-2, 2, M23));
    whereCase(Samples.mask(random, M23), uniform(-2, 2, M23), uniform(-2, 2, 3));
    whereCase(Samples.mask(random, 3, 1), uniform(-2, 2, 1, 4), uniform(-2, 2));
    whereCase(Tensor.of(new double[] {1, 0, 1}, 3), uniform(-2, 2, 2, 1), uniform(-2, 2, 2, 3));
  }

  private static DoubleBinaryOperator truth(Relation rel) {
    switch (rel) {
      case GT: return (x, y) -> x > y ? 1 : 0;
      case GE: return (x, y) -> x >= y ? 1 : 0;
      case LT: return (x, y) -> x < y ? 1 : 0;
      case LE: return (x, y) -> x <= y ? 1 : 0;
      default: return (x, y) -> x == y ? 1 : 0;
    }
  }

  private void compare(Relation rel, DoubleBinaryOperator f, Tensor a, Tensor b,
      boolean perturbable) {
    String name = "compare " + rel + " " + a.shape() + "," + b.shape()
        + (perturbable ? "" : " with ties");
    boolean[] both = {true, true};
    entries.add(new Entry(name, new Compare(rel), List.of(a, b),
        in -> Naive.binary(in.get(0), in.get(1), f), both,
        new boolean[] {perturbable, perturbable}));
  }

  private void whereCase(Tensor c, Tensor a, Tensor b) {
    entries.add(new Entry("where " + c.shape() + "," + a.shape() + "," + b.shape(),
        Where.INSTANCE, List.of(c, a, b), in -> Naive.where(in.get(0), in.get(1), in.get(2)),
        new boolean[] {true, false, false}, new boolean[] {false, true, true}));
  }

  private void fusedLosses() {
    for (int[][] pair : BROADCAST_PAIRS) {
      binary(SigmoidCrossEntropy.INSTANCE, (z, y) -> -(y * Math.log(1 / (1 + Math.exp(-z)))
          + (1 - y) * Math.log(1 - 1 / (1 + Math.exp(-z)))), uniform(-3, 3, pair[0]),
          uniform(0.05, 0.95, pair[1]));
    }
    int[][][] cases = {{M23, {0}}, {M23, {1}}, {{4}, {0}}, {T234, {1}}, {T234, {2}}};
    for (int[][] c : cases) {
      int axis = c[1][0];
      add("softmax_ce " + Shape.of(c[0]) + " axis " + axis, new SoftmaxCrossEntropy(axis),
          in -> Naive.reduce(Naive.binary(in.get(1), Naive.softmax(in.get(0), axis, true),
              (y, logP) -> -y * logP), new int[] {axis}, true, Reduction.SUM),
          uniform(-3, 3, c[0]), uniform(0.05, 1, c[0]));
    }
  }

  // ops-structure (issue 14): softplus, gelu, clamp, minimum, maximum, logsumexp, slice, pad,
  // batched matmul. Kinked ops are sampled away from their kinks; slice and pad positions are
  // listed by hand in the references.
  private void opsStructure() {
    double c = Math.sqrt(2 / Math.PI);
    for (int[] dims : new int[][] {M23, {}}) {
      unary(Softplus.INSTANCE, x -> Math.log(1 + Math.exp(x)), uniform(-4, 4, dims));
      unary(Gelu.INSTANCE, x -> 0.5 * x * (1 + Math.tanh(c * (x + 0.044715 * x * x * x))),
          uniform(-3, 3, dims));
    }
    Tensor around = Tensor.of(new double[] {-1.3, -0.2, 0.4, 1.1, 0.05, -0.9}, M23);
    unary(new Clamp(-0.5, 0.7), x -> x < -0.5 ? -0.5 : x > 0.7 ? 0.7 : x, around);
    unary(new Clamp(Double.NEGATIVE_INFINITY, 0.3), x -> x > 0.3 ? 0.3 : x, around);
    unary(new Clamp(-0.5, 0.7), x -> x, Tensor.scalar(0.25));
    for (int[][] pair : BROADCAST_PAIRS) {
      binary(Maximum.INSTANCE, (x, y) -> x > y ? x : y, uniform(-2, 2, pair[0]),
          uniform(-2, 2, pair[1]));
      binary(Minimum.INSTANCE, (x, y) -> x < y ? x : y, uniform(-2, 2, pair[0]),
          uniform(-2, 2, pair[1]));
    }
    for (boolean keep : new boolean[] {false, true}) {
      for (int[] axes : new int[][] {{0}, {2}, {0, 2}, {0, 1, 2}}) {
        logSumExp(T234, axes, keep);
      }
      logSumExp(M23, new int[] {1}, keep);
    }
    logSumExp(new int[] {}, new int[] {}, false);
    slice(M23, new Range[] {Range.all(), Range.of(0, 3, 2)}, new int[][] {{0, 1}, {0, 2}});
    slice(T234, new Range[] {Range.from(-1), Range.every(-1), Range.of(1, -1)},
        new int[][] {{1}, {2, 1, 0}, {1, 2}});
    slice(T234, new Range[] {Range.of(0, 2), Range.of(-2, 3), Range.of(3, 0, -2)},
        new int[][] {{0, 1}, {1, 2}, {3, 1}});
    slice(new int[] {5}, new Range[] {Range.of(-4, 10, 3)}, new int[][] {{1, 4}});
    pad(Pad.of(Shape.of(M23), new int[][] {{1, 0}, {2, 1}}, 0.0), M23,
        new int[][] {{1, 2}, {2, 3, 4}});
    pad(Pad.of(Shape.of(T234), new int[][] {{0, 1}, {1, 1}, {0, 2}}, 1.5), T234,
        new int[][] {{0, 1}, {1, 2, 3}, {0, 1, 2, 3}});
    pad(new Pad(Shape.of(5, 7), new int[] {4, 1}, new int[] {-2, 3}, 0.0), new int[] {3, 2},
        new int[][] {{4, 2, 0}, {1, 4}});
    int[][][] products = {{{2, 2, 3}, {2, 3, 4}}, {{2, 2, 3}, {3, 4}}, {{2, 3}, {4, 3, 2}},
        {{2, 1, 2, 3}, {3, 3, 2}}, {{1, 2, 3}, {2, 3, 1}}};
    for (int[][] pair : products) {
      batchMatMul(uniform(-1, 1, pair[0]), uniform(-1, 1, pair[1]));
    }
  }

  private void logSumExp(int[] dims, int[] axes, boolean keep) {
    Axes reduced = Axes.of(Shape.of(dims), keep, axes);
    add("logsumexp " + Shape.of(dims) + " " + reduced.label(), new LogSumExp(reduced),
        in -> Naive.unary(Naive.reduce(Naive.unary(in.get(0), Math::exp), axes, keep,
            Reduction.SUM), Math::log), uniform(-3, 3, dims));
  }

  private void slice(int[] dims, Range[] ranges, int[][] positions) {
    Slice op = Slice.of(Shape.of(dims), ranges);
    add(op.label() + " of " + Shape.of(dims), op,
        in -> StructureReferences.gather(in.get(0), positions), uniform(-2, 2, dims));
  }

  private void pad(Pad op, int[] dims, int[][] positions) {
    add(op.label() + " of " + Shape.of(dims), op, in -> StructureReferences.place(in.get(0),
        op.outer().dims(), positions, op.value()), uniform(-2, 2, dims));
  }

  private void batchMatMul(Tensor a, Tensor b) {
    int ra = a.rank();
    int rb = b.rank();
    for (boolean ta : new boolean[] {false, true}) {
      for (boolean tb : new boolean[] {false, true}) {
        Tensor x = ta ? Naive.transpose(a, swapLast(ra)) : a;
        Tensor y = tb ? Naive.transpose(b, swapLast(rb)) : b;
        add("batch_matmul " + (ta ? "Aᵀ" : "A") + x.shape() + "·" + (tb ? "Bᵀ" : "B")
            + y.shape(), new BatchMatMul(ta, tb), in -> StructureReferences.batchMatmul(
                ta ? Naive.transpose(in.get(0), swapLast(ra)) : in.get(0),
                tb ? Naive.transpose(in.get(1), swapLast(rb)) : in.get(1)), x, y);
      }
    }
  }

  private static int[] swapLast(int rank) {
    int[] perm = new int[rank];
    Arrays.setAll(perm, i -> i == rank - 2 ? rank - 1 : i == rank - 1 ? rank - 2 : i);
    return perm;
  }

  /** Gather and its scatter-add (repeated indices), concat, split and stack along each axis. */
  private void structureAlongAnAxis() {
    Tensor repeated = Tensor.of(new double[] {2, 0, 2, 1, 2, 0}, 2, 3);
    Object[][] gathers = {{M23, 0, Tensor.of(new double[] {1, 0, 1}, 3)},
        {M23, 1, repeated}, {T234, 1, Tensor.of(new double[] {2, 2}, 2)},
        {T234, 2, Tensor.of(new double[] {3, 0, 1, 3}, 2, 2)}, {new int[] {4}, 0, repeated}};
    for (Object[] c : gathers) {
      int axis = (Integer) c[1];
      Tensor idx = (Tensor) c[2];
      Tensor x = uniform(-2, 2, (int[]) c[0]);
      entries.add(new Entry("gather " + x.shape() + " axis " + axis + " by " + idx.shape(),
          new Gather(axis, null), List.of(x, idx),
          in -> NaiveStructure.gather(in.get(0), in.get(1), axis),
          new boolean[] {false, true}, new boolean[] {true, false}));
      Tensor g = NaiveStructure.gather(x, idx, axis);
      int size = x.shape().dim(axis);
      entries.add(new Entry("scatter_add " + g.shape() + " axis " + axis + " → " + size,
          new ScatterAdd(axis, size, null), List.of(uniform(-2, 2, g.shape().dims()), idx),
          in -> NaiveStructure.scatterAdd(in.get(0), in.get(1), axis, size),
          new boolean[] {false, true}, new boolean[] {true, false}));
    }
    add("concat (2, 3),(2, 1),(2, 2) axis 1", new Concat(1),
        in -> NaiveStructure.concat(in, 1), uniform(-2, 2, M23), uniform(-2, 2, 2, 1),
        uniform(-2, 2, 2, 2));
    add("concat (2, 3, 4),(1, 3, 4) axis 0", new Concat(0), in -> NaiveStructure.concat(in, 0),
        uniform(-2, 2, T234), uniform(-2, 2, 1, 3, 4));
    add("concat (2, 3, 4),(2, 3, 1) axis 2", new Concat(2), in -> NaiveStructure.concat(in, 2),
        uniform(-2, 2, T234), uniform(-2, 2, 2, 3, 1));
    int[][] parts = {{0, 0, 1}, {1, 1, 2}, {2, 1, 3}, {1, 0, 3}, {0, 1, 1}};
    for (int[] p : parts) {
      add("split (2, 3, 4) axis " + p[0] + " [" + p[1] + ", " + (p[1] + p[2]) + ")",
          new Split(p[0], p[1], p[2]), in -> NaiveStructure.part(in.get(0), p[0], p[1], p[2]),
          uniform(-2, 2, T234));
    }
    for (int axis = 0; axis <= 2; axis++) {
      int a = axis;
      add("stack 3×(2, 3) axis " + a, new Stack(a), in -> NaiveStructure.stack(in, a),
          uniform(-2, 2, M23), uniform(-2, 2, M23), uniform(-2, 2, M23));
    }
    add("stack 1×(4,) axis 0", new Stack(0), in -> NaiveStructure.stack(in, 0),
        uniform(-2, 2, 4));
  }
}
