package dev.chainrule.examples.bench.jmh;

import dev.chainrule.core.tensor.ConvGeometry;
import dev.chainrule.core.tensor.Convolution;
import dev.chainrule.core.tensor.Shape;
import dev.chainrule.core.tensor.Window2d;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Times the forward convolution of the {@code cnn} example's two layers at batch 64 — conv 1: (64,
 * 1, 28, 28) ⋆ 16 × 5×5, conv 2: (64, 16, 14, 14) ⋆ 32 × 5×5, padding 2 — two ways: chainrule's
 * {@link Convolution} (im2col, then the GEMM per sample), and a direct kernel written here, the
 * seven loops of the definition ordered for the cache (output channel, tap, output row; the
 * innermost loop runs along a row of the output and of the input, so the JIT vectorises it).
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ConvolutionBenchmark extends JmhDefaults {
  /** The layer: {@code conv1} or {@code conv2}. */
  @Param({"conv1", "conv2"})
  public String layer;

  /** The kernel: {@code im2col} (chainrule's) or {@code direct}. */
  @Param({"im2col", "direct"})
  public String impl;

  private ConvGeometry g;
  private Convolution conv;
  private double[] x;
  private double[] w;
  private double[] z;

  /** Fills the input and kernel and prepares the convolution. */
  @Setup
  public void setUp() {
    int c = layer.equals("conv1") ? 1 : 16;
    int hw = layer.equals("conv1") ? 28 : 14;
    int f = layer.equals("conv1") ? 16 : 32;
    g = ConvGeometry.of(Shape.of(64, c, hw, hw), Shape.of(f, c, 5, 5), Window2d.of(1, 2, 1), 1);
    conv = new Convolution(g);
    Random r = new Random(1);
    x = r.doubles(g.inputShape().size()).toArray();
    w = r.doubles(g.kernelShape().size()).toArray();
    z = new double[g.outputShape().size()];
  }

  /** Runs one forward convolution of the whole batch. */
  @Benchmark
  public double[] forward() {
    if (impl.equals("im2col")) {
      conv.forward(x, w, z);
    } else {
      direct();
    }
    return z;
  }

  private void direct() {
    int pad = 2;
    java.util.Arrays.fill(z, 0.0);
    for (int n = 0; n < g.n(); n++) {
      for (int o = 0; o < g.f(); o++) {
        int out = (n * g.f() + o) * g.oh() * g.ow();
        for (int c = 0; c < g.c(); c++) {
          int in = (n * g.c() + c) * g.h() * g.w();
          for (int i = 0; i < g.kh(); i++) {
            for (int j = 0; j < g.kw(); j++) {
              double weight = w[((o * g.c() + c) * g.kh() + i) * g.kw() + j];
              int lo = Math.max(0, pad - j);
              int hi = Math.min(g.ow(), g.w() + pad - j);
              for (int y = 0; y < g.oh(); y++) {
                int row = y - pad + i;
                if (row < 0 || row >= g.h()) {
                  continue;
                }
                int src = in + row * g.w() - pad + j;
                int dst = out + y * g.ow();
                for (int xx = lo; xx < hi; xx++) {
                  z[dst + xx] += weight * x[src + xx];
                }
              }
            }
          }
        }
      }
    }
  }
}
