package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.ops.OpCatalogue.Entry;
import dev.chainrule.core.tensor.NaiveConvolution;
import dev.chainrule.core.tensor.Samples;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.Window2d;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * The catalogue entries of the convolution, pooling and dropout ops, with references from {@link
 * NaiveConvolution}: stride, padding, dilation, groups and asymmetric windows, a transposed
 * convolution whose input height a stride leaves ambiguous, and pools with overlapping and padded
 * windows (sampled without near-ties so the maxima do not move under finite differences).
 */
final class ConvolutionEntries {
  private static final Window2d DENSE = Window2d.DENSE;
  private static final Window2d STRIDED = Window2d.of(2, 1, 1);
  private static final Window2d DILATED = Window2d.of(1, 1, 2);
  private static final Window2d ASYMMETRIC = new Window2d(1, 2, 0, 1, 1, 1);

  private final Random random = new Random(20261206L);
  private final List<Entry> entries = new ArrayList<>();

  private ConvolutionEntries() {}

  /** Returns the entries, in a fixed order with fixed sample values. */
  static List<Entry> entries() {
    ConvolutionEntries c = new ConvolutionEntries();
    c.convolutions();
    c.pools();
    c.dropout();
    return c.entries;
  }

  private Tensor uniform(int... dims) {
    return Samples.uniform(random, -1, 1, dims);
  }

  private void add(String name, Op op, Function<List<Tensor>, Tensor> reference,
      Tensor... inputs) {
    boolean[] none = new boolean[inputs.length];
    boolean[] all = new boolean[inputs.length];
    Arrays.fill(all, true);
    entries.add(new Entry(name, op, List.of(inputs), reference, none, all));
  }

  private void convolutions() {
    conv(DENSE, 1, new int[] {3, 2, 2, 2}, new int[] {2, 2, 4, 4});
    conv(STRIDED, 1, new int[] {2, 2, 3, 3}, new int[] {1, 2, 5, 5});
    conv(DILATED, 1, new int[] {2, 1, 2, 2}, new int[] {2, 1, 4, 5});
    conv(ASYMMETRIC, 1, new int[] {2, 2, 2, 3}, new int[] {1, 2, 3, 5});
    conv(DENSE, 2, new int[] {4, 1, 2, 2}, new int[] {1, 2, 3, 3});
    conv(DENSE, 1, new int[] {3, 2, 1, 1}, new int[] {2, 2, 2, 3});
    int[] ambiguous = {1, 2, 6, 6};
    Tensor w = uniform(2, 2, 3, 3);
    Tensor g = uniform(1, 2, 3, 3);
    add("conv_transpose2d stride 2 padding 1 into " + Shape.of(ambiguous),
        new Conv2dTranspose(STRIDED, 1, 6, 6), in -> NaiveConvolution.transpose(in.get(0),
            in.get(1), STRIDED, 1, 6, 6), w, g);
  }

  private void conv(Window2d win, int groups, int[] kernel, int[] input) {
    Tensor w = uniform(kernel);
    Tensor x = uniform(input);
    String what = Shape.of(kernel) + " ⋆ " + Shape.of(input) + " " + win.label()
        + (groups == 1 ? "" : " groups " + groups);
    add("conv2d " + what, new Conv2d(win, groups),
        in -> NaiveConvolution.conv(in.get(0), in.get(1), win, groups), w, x);
    Tensor z = NaiveConvolution.conv(w, x, win, groups);
    Tensor g = uniform(z.shape().dims());
    add("conv_transpose2d " + what, new Conv2dTranspose(win, groups, input[2], input[3]),
        in -> NaiveConvolution.transpose(in.get(0), in.get(1), win, groups, input[2], input[3]),
        w, g);
    add("conv2d_kernel_gradient " + what,
        new Conv2dKernelGradient(win, groups, kernel[2], kernel[3]),
        in -> NaiveConvolution.kernelGradient(in.get(0), in.get(1), win, groups, kernel[2],
            kernel[3]), x, g);
  }

  private void pools() {
    pool(2, 2, Window2d.of(2, 0, 1), 2, 2, 4, 4);
    pool(3, 3, Window2d.of(2, 1, 1), 1, 2, 5, 5);
    pool(2, 2, DENSE, 1, 1, 3, 4);
    pool(2, 3, new Window2d(1, 2, 1, 1, 1, 1), 1, 2, 3, 5);
    Window2d dilated = Window2d.of(1, 0, 2);
    Tensor x = Samples.distinct(random, 0.1, 1, 2, 5, 5);
    add("max_pool2d 2×2 dilation 2", new MaxPool2d(2, 2, dilated),
        in -> NaiveConvolution.maxGather(in.get(0), in.get(0), 2, 2, dilated), x);
  }

  private void pool(int kh, int kw, Window2d win, int... dims) {
    String what = kh + "×" + kw + " " + win.label() + " " + Shape.of(dims);
    Tensor x = Samples.distinct(random, 0.1, dims);
    add("max_pool2d " + what, new MaxPool2d(kh, kw, win),
        in -> NaiveConvolution.maxGather(in.get(0), in.get(0), kh, kw, win), x);
    Tensor pooled = NaiveConvolution.maxGather(x, x, kh, kw, win);
    Tensor g = uniform(pooled.shape().dims());
    entries.add(new Entry("max_pool2d_scatter " + what, new MaxPool2dScatter(kh, kw, win),
        List.of(x, g), in -> NaiveConvolution.maxScatter(in.get(0), in.get(1), kh, kw, win),
        new boolean[] {true, false}, new boolean[] {false, true}));
    entries.add(new Entry("max_pool2d_gather " + what, new MaxPool2dGather(kh, kw, win),
        List.of(x, uniform(dims)), in -> NaiveConvolution.maxGather(in.get(0), in.get(1), kh, kw,
            win), new boolean[] {true, false}, new boolean[] {false, true}));
    add("avg_pool2d " + what, new AvgPool2d(kh, kw, win),
        in -> NaiveConvolution.avgPool(in.get(0), kh, kw, win), uniform(dims));
    add("avg_pool2d_transpose " + what, new AvgPool2dTranspose(kh, kw, win, dims[2], dims[3]),
        in -> NaiveConvolution.avgTranspose(Shape.of(dims), in.get(0), kh, kw, win), g);
  }

  private void dropout() {
    Shape shape = Shape.of(2, 3);
    entries.add(new Entry("dropout_mask rate 0 " + shape, new DropoutMask(0.0, 7L, shape),
        List.of(Tensor.scalar(3)), in -> Tensor.full(shape, 1.0), new boolean[] {true},
        new boolean[] {false}));
  }
}
