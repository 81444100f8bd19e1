package dev.chainrule.examples.testnet;

import dev.chainrule.examples.compare.ComparisonCommand;
import dev.chainrule.examples.compare.SeedComparison;
import dev.chainrule.examples.compare.TestNetBatchComparison;
import dev.chainrule.examples.seeds.TestNetBatchNetwork;
import picocli.CommandLine.Command;

/** Seed 002's TestNet 3-4-2 on a batch: autograd against the seed's formulas, slips pinned. */
@Command(name = "testnet-batch", description = "Seed 002: TestNet 3-4-2 (batch, row layout) vs "
    + "autograd.")
public final class TestNetBatchCommand extends ComparisonCommand {
  @Override
  protected long defaultSeed() {
    return TestNetBatchNetwork.DEFAULT_SEED;
  }

  @Override
  protected SeedComparison compute(long randomSeed) {
    return TestNetBatchComparison.compute(randomSeed);
  }
}
