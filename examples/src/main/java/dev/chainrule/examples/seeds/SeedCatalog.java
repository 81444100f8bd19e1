package dev.chainrule.examples.seeds;

import dev.chainrule.nn.manual.Activation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The seeds' networks by example name, for the subcommands that take an example argument. */
public final class SeedCatalog {
  private static final Map<String, Supplier<SeedNetwork>> NETWORKS = new LinkedHashMap<>();

  static {
    NETWORKS.put("mazur", () -> new MazurNetwork().asSeedNetwork());
    NETWORKS.put("bp4", () -> FourEquationsNetwork.bp4(FourEquationsNetwork.DEFAULT_SEED,
        FourEquationsNetwork.BP4_SAMPLES).asSeedNetwork("bp4"));
    NETWORKS.put("testnet-batch", () -> TestNetBatchNetwork.seeded(
        TestNetBatchNetwork.DEFAULT_SEED, TestNetBatchNetwork.DEFAULT_SAMPLES).asSeedNetwork());
    NETWORKS.put("testnet-single", () -> TestNetSingleNetwork.seeded(
        TestNetSingleNetwork.DEFAULT_SEED, 1, TestNetSingleNetwork.DEFAULT_LAMBDA)
        .asSeedNetwork());
    NETWORKS.put("shallow", () -> ShallowNetwork.seeded(ShallowNetwork.DEFAULT_SEED,
        ShallowNetwork.DEFAULT_SAMPLES, Activation.TANH).asSeedNetwork());
    NETWORKS.put("conv", ConvNetwork::build);
  }

  /**
   * Networks the subcommands build but whose pictures docs/images does not hold (their graphs are
   * large, and docs/ keeps under 5 MB): one LSTM step (docs/lstm-step.md).
   */
  private static final Map<String, Supplier<SeedNetwork>> UNDRAWN = Map.of("lstm-step",
      () -> LstmStepNetwork.seeded(LstmStepNetwork.DEFAULT_SEED));

  private SeedCatalog() {}

  /** Returns the names of the seeds' examples, in catalogue order: those docs/images draws. */
  public static Iterable<String> names() {
    return NETWORKS.keySet();
  }

  /** Builds the named network; throws naming the known examples when the name is unknown. */
  public static SeedNetwork build(String name) {
    Supplier<SeedNetwork> s = NETWORKS.getOrDefault(name, UNDRAWN.get(name));
    if (s == null) {
      throw new IllegalArgumentException("unknown example '" + name + "'; known examples: "
          + String.join(", ", NETWORKS.keySet()) + ", " + String.join(", ", UNDRAWN.keySet()));
    }
    return s.get();
  }
}
