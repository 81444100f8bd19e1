package dev.chainrule.examples.testnet;

import dev.chainrule.examples.compare.ComparisonCommand;
import dev.chainrule.examples.compare.SeedComparison;
import dev.chainrule.examples.compare.TestNetSingleComparison;
import dev.chainrule.examples.seeds.TestNetSingleNetwork;
import picocli.CommandLine.Command;

/** Seed 003's TestNet 2-3-2, one sample: autograd against the seed's formulas, slips pinned. */
@Command(name = "testnet-single", description = "Seed 003: TestNet 2-3-2 (one sample, column "
    + "layout) vs autograd.")
public final class TestNetSingleCommand extends ComparisonCommand {
  @Override
  protected long defaultSeed() {
    return TestNetSingleNetwork.DEFAULT_SEED;
  }

  @Override
  protected SeedComparison compute(long randomSeed) {
    return TestNetSingleComparison.compute(randomSeed);
  }
}
