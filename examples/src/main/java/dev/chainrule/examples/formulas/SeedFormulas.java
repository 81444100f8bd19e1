package dev.chainrule.examples.formulas;

import dev.chainrule.examples.seeds.SeedNetwork;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The hand-derived formulas of each seed example that {@code compare} checks, by example name. */
final class SeedFormulas {
  private static final Map<String, Function<NetworkNodes, List<SeedFormula>>> SETS =
      new LinkedHashMap<>();

  static {
    SETS.put("mazur", MazurFormulas::of);
    SETS.put("shallow", ShallowFormulas::of);
    SETS.put("testnet-single", TestnetSingleFormulas::of);
    SETS.put("testnet-batch", TestnetBatchFormulas::of);
    SETS.put("bp4", FourEquationsFormulas::of);
    SETS.put("lstm-step", LstmStepFormulas::of);
    SETS.put("conv", ConvFormulas::of);
  }

  private SeedFormulas() {}

  /** Returns true when formulas are registered for the example. */
  static boolean has(String example) {
    return SETS.containsKey(example);
  }

  /** Returns the names of the examples with registered formulas. */
  static Iterable<String> examples() {
    return SETS.keySet();
  }

  /** Builds the example's formulas on its network. */
  static List<SeedFormula> of(SeedNetwork network) {
    return SETS.get(network.name()).apply(new NetworkNodes(network));
  }
}
