package dev.chainrule.examples.soak;

/**
 * The heap in use after a full garbage collection, measured after some number of training steps.
 *
 * @param step the training steps taken when measured
 * @param bytes the heap bytes in use after {@code System.gc()}
 */
public record HeapSample(long step, long bytes) {
  /** Returns the least-squares slope of bytes over steps, in bytes per million steps. */
  public static double slopePerMillionSteps(java.util.List<HeapSample> samples) {
    int n = samples.size();
    double meanX = 0;
    double meanY = 0;
    for (HeapSample s : samples) {
      meanX += s.step() / (double) n;
      meanY += s.bytes() / (double) n;
    }
    double sxy = 0;
    double sxx = 0;
    for (HeapSample s : samples) {
      sxy += (s.step() - meanX) * (s.bytes() - meanY);
      sxx += (s.step() - meanX) * (s.step() - meanX);
    }
    return sxx == 0 ? 0 : sxy / sxx * 1e6;
  }
}
