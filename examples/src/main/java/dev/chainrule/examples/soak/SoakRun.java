package dev.chainrule.examples.soak;

import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.examples.xor.XorRun;
import dev.chainrule.nn.data.Batch;
import dev.chainrule.nn.data.Batches;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.data.Generators;
import dev.chainrule.nn.layers.Parameter;
import dev.chainrule.nn.losses.Loss;
import dev.chainrule.nn.model.Sequential;
import dev.chainrule.core.exec.train.Sgd;
import dev.chainrule.nn.train.Trainer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

/**
 * A long run: seed 001's XOR network (2-5-1 sigmoid, E = Σ ½(target − out)², η = 0.5) trained
 * by single-sample SGD steps, each epoch visiting the four points in a fresh seeded order, for as
 * many steps as asked (10⁶ by default), with the heap in use measured after a full GC at evenly
 * spaced steps. A flat heap means a training step retains nothing; the parameters' raw bits say
 * whether another run with the same seed gives the identical result.
 *
 * @param steps the training steps taken
 * @param seed the seed of the initial weights and of the visiting order
 * @param heap the heap measurements, the first after one step (when the plan exists)
 * @param outputs the network's outputs for (0,0), (0,1), (1,0), (1,1) after training
 * @param error E_total over the four points after training
 * @param parameterBits the raw bits of every parameter value after training, in order
 * @param seconds wall-clock time, measurements included
 */
public record SoakRun(long steps, long seed, List<HeapSample> heap, double[] outputs,
    double error, long[] parameterBits, double seconds) {
  /** The learning rate of seed 001. */
  public static final double LEARNING_RATE = 0.5;

  /**
   * Trains for {@code steps} steps, measuring the heap after the first step and after every
   * {@code steps / samples} steps.
   */
  public static SoakRun compute(long steps, long seed, int samples) {
    Dataset xor = Generators.xor();
    Sequential net = XorRun.network(seed, XorRun.HIDDEN);
    Trainer trainer = new Trainer(net, Loss.halfSumOfSquares(), new Sgd(LEARNING_RATE));
    Batches batches = Batches.of(xor, 1).shuffled(seed);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    List<HeapSample> heap = new ArrayList<>();
    long start = System.nanoTime();
    long[] at = LongStream.concat(LongStream.of(1),
        LongStream.rangeClosed(1, samples).map(k -> steps * k / samples)).filter(t -> t >= 1)
        .distinct().sorted().toArray();
    long step = 0;
    int next = 0;
    for (int epoch = 0; step < steps; epoch++) {
      for (Batch b : batches.epoch(epoch)) {
        trainer.step(b, LEARNING_RATE);
        step++;
        if (next < at.length && step == at[next]) {
          System.gc();
          heap.add(new HeapSample(step, memory.getHeapMemoryUsage().getUsed()));
          next++;
        }
        if (step == steps) {
          break;
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Tensor out = trainer.predict(xor.features());
    double[] outputs = new double[xor.size()];
    for (int i = 0; i < outputs.length; i++) {
      outputs[i] = out.get(i, 0);
    }
    return new SoakRun(steps, seed, List.copyOf(heap), outputs, XorRun.totalError(out, xor),
        bits(net), seconds);
  }

  private static long[] bits(Sequential net) {
    return net.parameters().stream().map(Parameter::value)
        .flatMapToDouble(t -> Arrays.stream(t.buffer())).mapToLong(Double::doubleToRawLongBits)
        .toArray();
  }

  /** Returns the slope of the heap measurements, in bytes per million steps. */
  public double slopePerMillionSteps() {
    return HeapSample.slopePerMillionSteps(heap);
  }

  /** Returns true when {@code other} ended with bit-identical parameters. */
  public boolean sameParameters(SoakRun other) {
    return Arrays.equals(parameterBits, other.parameterBits);
  }

  /** Returns a 16-hex-digit FNV-1a fingerprint of the final parameters' bits, for reports. */
  public String fingerprint() {
    long h = 0xcbf29ce484222325L;
    for (long b : parameterBits) {
      h = (h ^ b) * 0x100000001b3L;
    }
    return String.format("%016x", h);
  }
}
