package dev.chainrule.core.graph.ops;

import static dev.chainrule.core.graph.ops.RoundingBound.abs;
import static dev.chainrule.core.graph.ops.RoundingBound.assertWithin;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.exec.ExecOptions;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.NaiveConvolution;
import dev.chainrule.core.tensor.PoolGeometry;
import dev.chainrule.core.tensor.Samples;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.Window2d;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.Assume;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The convolution and pooling operations in float32 against {@link NaiveConvolution}, an
 * independent float64 evaluation by one loop per index, on random shapes with strides, paddings,
 * dilations, groups and asymmetric windows: the forward value of each of the eight operations
 * and its gradient with respect to every differentiable input (which are the other operations of
 * the family, so their second derivatives are built in float32 too), and the tangents of forward
 * mode. Inputs are rounded to float32 first, so the float64 side computes from the same numbers
 * and what is measured is the float32 kernels' rounding; each value is held to {@link
 * RoundingBound}: γ_k times the sum of its terms' magnitudes, k the length of the reduction that
 * computes it (the kernel's taps c/groups·kh·kw for a convolution, every position of every sample
 * n·oh·ow for a kernel gradient, f/groups filters then up to kh·kw windows for a transposed
 * convolution, the windows over a position for a max-pool scatter, the taps and a division for an
 * average, nothing for a maximum).
 */
class Float32ConvolutionTest {
  /** A value the float32 graph must reproduce: how to compute it in float64, and its depth k. */
  private record Reference(int depth, Function<List<Tensor>, Tensor> value) {}

  @Property(tries = 60, edgeCases = EdgeCasesMode.NONE)
  void convolutionsAndTheirGradientsMatchFloat64(@ForAll @LongRange(max = 1_000_000) long seed) {
    Random r = new Random(seed);
    int groups = 1 + r.nextInt(2);
    int fg = 1 + r.nextInt(3);
    int cg = 1 + r.nextInt(3);
    int kh = 1 + r.nextInt(3);
    int kw = 1 + r.nextInt(3);
    Window2d win = new Window2d(1 + r.nextInt(2), 1 + r.nextInt(2), r.nextInt(3), r.nextInt(3),
        1 + r.nextInt(2), 1 + r.nextInt(2));
    int n = 1 + r.nextInt(3);
    int h = fitting(r, kh, win.dilationH(), win.padH());
    int w = fitting(r, kw, win.dilationW(), win.padW());
    convolutions(r, win, groups, new int[] {fg * groups, cg, kh, kw},
        new int[] {n, cg * groups, h, w});
  }

  /** A Fashion-MNIST-sized layer, whose products run on the blocked float GEMM with long sums. */
  @Test
  void aFashionMnistSizedLayerMatchesFloat64() {
    convolutions(new Random(28), Window2d.of(1, 2, 1), 1, new int[] {16, 8, 5, 5},
        new int[] {3, 8, 14, 14});
  }

  /** Returns false when a dilated window would cover only padding, which pools refuse. */
  private static boolean coversInput(int[] input, int kh, int kw, Window2d win) {
    try {
      PoolGeometry.of(Shape.of(input), kh, kw, win);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static int fitting(Random r, int k, int dilation, int pad) {
    return Math.max(1, dilation * (k - 1) + 1 - 2 * pad) + r.nextInt(6);
  }

  private static void convolutions(Random r, Window2d win, int groups, int[] kernel, int[] input) {
    Tensor wt = rounded(r, kernel);
    Tensor x = rounded(r, input);
    Shape out = NaiveConvolution.conv(wt, x, win, groups).shape();
    Tensor g = rounded(r, out.dims());
    int h = input[2];
    int w = input[3];
    int n = input[0];
    int patch = kernel[1] * kernel[2] * kernel[3];
    int batchPositions = n * out.dim(2) * out.dim(3);
    int spread = kernel[0] / groups + kernel[2] * kernel[3];
    String what = Shape.of(kernel) + " ⋆ " + Shape.of(input) + " " + win.label() + " groups "
        + groups;
    boolean[] linear = {false, false, false};
    check("conv2d " + what, new Conv2d(win, groups), List.of(wt, x), g, linear,
        new Reference(patch, t -> NaiveConvolution.conv(t.get(0), t.get(1), win, groups)),
        Arrays.asList(new Reference(batchPositions, t -> NaiveConvolution.kernelGradient(t.get(1),
            t.get(2), win, groups, kernel[2], kernel[3])),
            new Reference(spread, t -> NaiveConvolution.transpose(t.get(0), t.get(2), win, groups,
                h, w))));
    check("conv2d_kernel_gradient " + what,
        new Conv2dKernelGradient(win, groups, kernel[2], kernel[3]), List.of(x, g),
        rounded(r, kernel), linear,
        new Reference(batchPositions, t -> NaiveConvolution.kernelGradient(t.get(0), t.get(1), win,
            groups, kernel[2], kernel[3])),
        Arrays.asList(new Reference(spread, t -> NaiveConvolution.transpose(t.get(2), t.get(1),
            win, groups, h, w)),
            new Reference(patch, t -> NaiveConvolution.conv(t.get(2), t.get(0), win, groups))));
    check("conv_transpose2d " + what, new Conv2dTranspose(win, groups, h, w), List.of(wt, g),
        rounded(r, input), linear,
        new Reference(spread, t -> NaiveConvolution.transpose(t.get(0), t.get(1), win, groups, h,
            w)),
        Arrays.asList(new Reference(batchPositions, t -> NaiveConvolution.kernelGradient(t.get(2),
            t.get(1), win, groups, kernel[2], kernel[3])),
            new Reference(patch, t -> NaiveConvolution.conv(t.get(0), t.get(2), win, groups))));
  }

  @Property(tries = 60, edgeCases = EdgeCasesMode.NONE)
  void poolsAndTheirGradientsMatchFloat64(@ForAll @LongRange(max = 1_000_000) long seed) {
    Random r = new Random(seed);
    int kh = 1 + r.nextInt(3);
    int kw = 1 + r.nextInt(3);
    boolean average = r.nextBoolean();
    int dilation = average ? 1 : 1 + r.nextInt(2);
    Window2d win = new Window2d(1 + r.nextInt(3), 1 + r.nextInt(3), r.nextInt(kh / 2 + 1),
        r.nextInt(kw / 2 + 1), dilation, average ? 1 : 1 + r.nextInt(2));
    int[] input = {1 + r.nextInt(3), 1 + r.nextInt(3), fitting(r, kh, win.dilationH(), win.padH()),
        fitting(r, kw, win.dilationW(), win.padW())};
    Assume.that(coversInput(input, kh, kw, win));
    Tensor x = rounded(r, input);
    String what = kh + "×" + kw + " " + win.label() + " of " + Shape.of(input);
    int taps = kh * kw;
    if (average) {
      Tensor u = rounded(r, NaiveConvolution.avgPool(x, kh, kw, win).shape().dims());
      boolean[] linear = {false, false};
      check("avg_pool2d " + what, new AvgPool2d(kh, kw, win), List.of(x), u, linear,
          new Reference(taps + 1, t -> NaiveConvolution.avgPool(t.get(0), kh, kw, win)),
          List.of(new Reference(taps + 1, t -> NaiveConvolution.avgTranspose(x.shape(), t.get(1),
              kh, kw, win))));
      check("avg_pool2d_transpose " + what, new AvgPool2dTranspose(kh, kw, win, input[2],
          input[3]), List.of(u), rounded(r, input), linear,
          new Reference(taps + 1, t -> NaiveConvolution.avgTranspose(x.shape(), t.get(0), kh, kw,
              win)),
          List.of(new Reference(taps + 1, t -> NaiveConvolution.avgPool(t.get(1), kh, kw, win))));
      return;
    }
    Tensor u = rounded(r, NaiveConvolution.maxGather(x, x, kh, kw, win).shape().dims());
    Tensor v = rounded(r, input);
    check("max_pool2d " + what, new MaxPool2d(kh, kw, win), List.of(x), u,
        new boolean[] {true, false},
        new Reference(0, t -> NaiveConvolution.maxGather(x, t.get(0), kh, kw, win)),
        List.of(new Reference(taps, t -> NaiveConvolution.maxScatter(x, t.get(1), kh, kw, win))));
    check("max_pool2d_gather " + what, new MaxPool2dGather(kh, kw, win), List.of(x, v), u,
        new boolean[] {true, false, false},
        new Reference(0, t -> NaiveConvolution.maxGather(x, t.get(1), kh, kw, win)),
        Arrays.asList(null,
            new Reference(taps, t -> NaiveConvolution.maxScatter(x, t.get(2), kh, kw, win))));
    check("max_pool2d_scatter " + what, new MaxPool2dScatter(kh, kw, win), List.of(x, u), v,
        new boolean[] {true, false, false},
        new Reference(taps, t -> NaiveConvolution.maxScatter(x, t.get(1), kh, kw, win)),
        Arrays.asList(null,
            new Reference(0, t -> NaiveConvolution.maxGather(x, t.get(2), kh, kw, win))));
  }

  @Test
  void tangentsOfConvolutionAndPoolsAreComputedInFloat32() {
    Random r = new Random(1706);
    Window2d win = new Window2d(2, 1, 1, 0, 1, 2);
    Tensor x = rounded(r, 2, 4, 5, 6);
    Tensor w = rounded(r, 6, 2, 3, 2);
    Tensor tx = rounded(r, 2, 4, 5, 6);
    Tensor tw = rounded(r, 6, 2, 3, 2);
    Graph g = new Graph(DType.FLOAT32);
    Node xn = g.parameter("X", x.to(DType.FLOAT32));
    Node wn = g.parameter("W", w.to(DType.FLOAT32));
    Node txn = g.constant("tX", tx.to(DType.FLOAT32));
    Node z = xn.conv2d(wn, win, 2);
    Node dz = Autodiff.jvp(List.of(z), List.of(wn, xn), List.of(g.constant("tW",
        tw.to(DType.FLOAT32)), txn)).get(0);
    Node dmax = Autodiff.jvp(xn.maxPool2d(2), xn, txn);
    Node davg = Autodiff.jvp(xn.avgPool2d(2, 3, Window2d.of(1, 1, 1)), xn, txn);
    Results res = Plan.compile(dz, dmax, davg).run(Feeds.none());
    assertWithin("d(W ⋆ X) = tW ⋆ X + W ⋆ tX", res.get(dz),
        NaiveConvolution.conv(tw, x, win, 2).add(NaiveConvolution.conv(w, tx, win, 2)),
        NaiveConvolution.conv(abs(tw), abs(x), win, 2).add(NaiveConvolution.conv(abs(w),
            abs(tx), win, 2)), 2 * 3 * 2 + 1);
    assertWithin("d maxpool(X) = tX at the maxima", res.get(dmax),
        NaiveConvolution.maxGather(x, tx, 2, 2, Window2d.of(2, 0, 1)), tx, 0);
    assertWithin("d avgpool(X) = avgpool(tX)", res.get(davg),
        NaiveConvolution.avgPool(tx, 2, 3, Window2d.of(1, 1, 1)),
        NaiveConvolution.avgPool(abs(tx), 2, 3, Window2d.of(1, 1, 1)), 2 * 3 + 1);
  }

  /**
   * Builds {@code op} on float32 parameters holding {@code inputs}, takes the gradients of the
   * differentiable ones for the upstream gradient {@code upstream}, runs the plan (optimised and
   * not) and holds the output to {@code forward} and each gradient to its reference (null where
   * the input takes none). The references read the inputs and then the upstream gradient; their
   * magnitudes are the same references on absolute values, except of the tensors marked {@code
   * positional}, which only say where the maxima are.
   */
  private static void check(String what, Op op, List<Tensor> inputs, Tensor upstream,
      boolean[] positional, Reference forward, List<Reference> gradients) {
    List<Tensor> values = new ArrayList<>(inputs);
    values.add(upstream);
    List<Tensor> magnitudes = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      magnitudes.add(positional[i] ? values.get(i) : abs(values.get(i)));
    }
    Graph g = new Graph(DType.FLOAT32);
    List<Node> params = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      params.add(g.parameter("x" + i, inputs.get(i).to(DType.FLOAT32)));
    }
    Node out = g.apply(op, params.toArray(new Node[0]));
    List<Node> wrt = new ArrayList<>();
    List<Reference> expected = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      assertEquals(gradients.get(i) != null, op.differentiable(i), what + " input " + i);
      if (gradients.get(i) != null) {
        wrt.add(params.get(i));
        expected.add(gradients.get(i));
      }
    }
    List<Node> targets = new ArrayList<>(List.of(out));
    targets.addAll(Autodiff.gradients(out, g.constant("u", upstream.to(DType.FLOAT32)), wrt)
        .list());
    expected.add(0, forward);
    for (ExecOptions options : List.of(ExecOptions.defaults(), ExecOptions.unoptimised())) {
      Results res = Plan.compile(targets, options).run(Feeds.none());
      for (int t = 0; t < targets.size(); t++) {
        Reference ref = expected.get(t);
        assertWithin(what + (t == 0 ? "" : ", gradient " + t) + " (" + options + ")",
            res.get(targets.get(t)), ref.value().apply(values), ref.value().apply(magnitudes),
            ref.depth());
      }
    }
  }

  /** Returns uniform numbers in [−1, 1] rounded to float32, held as float64. */
  private static Tensor rounded(Random r, int... dims) {
    return Samples.uniform(r, -1, 1, dims).to(DType.FLOAT32).to(DType.FLOAT64);
  }
}
