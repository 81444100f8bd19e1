package dev.chainrule.examples.bench.jmh;

import dev.chainrule.core.graph.CreationSite;
import dev.chainrule.core.graph.Node;
import dev.chainrule.examples.bench.HornerWorkload;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Times building a graph: Horner's chain of 1000 scalar ops, 1502 nodes (the W5 graph without its
 * derivative), with creation sites recorded (the default) and without, in the same run; µs per
 * build divided by 1502 is the cost of a node. Single-threaded.
 */
@Warmup(iterations = 5, time = 1)
public class GraphBuildBenchmark extends JmhDefaults {
  /** Nodes in the chain of 1000 ops: x, c₀, and a constant, a product and a sum per two ops. */
  public static final int NODES = 1502;

  /** Whether creation sites are recorded: {@code on} or {@code off}. */
  @Param({"on", "off"})
  public String sites;

  private boolean before;

  /** Sets creation-site recording for the trial. */
  @Setup(Level.Trial)
  public void setUp() {
    before = CreationSite.isEnabled();
    CreationSite.setEnabled(sites.equals("on"));
  }

  /** Restores the recording setting. */
  @TearDown(Level.Trial)
  public void tearDown() {
    CreationSite.setEnabled(before);
  }

  /** Builds the chain once; returns its last node so that nothing is optimised away. */
  @Benchmark
  public Node build() {
    return HornerWorkload.forward(HornerWorkload.OPS);
  }
}
