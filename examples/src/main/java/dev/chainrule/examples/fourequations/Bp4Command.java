package dev.chainrule.examples.fourequations;

import dev.chainrule.examples.compare.ComparisonCommand;
import dev.chainrule.examples.compare.FourEquationsComparison;
import dev.chainrule.examples.compare.SeedComparison;
import dev.chainrule.examples.seeds.FourEquationsNetwork;
import picocli.CommandLine.Command;

/** Seed 000's four equations on its 2-3-2-1 network against autograd, slips pinned. */
@Command(name = "bp4", description = "Seed 000: the four equations vs autograd on the 2-3-2-1 "
    + "network.")
public final class Bp4Command extends ComparisonCommand {
  @Override
  protected long defaultSeed() {
    return FourEquationsNetwork.DEFAULT_SEED;
  }

  @Override
  protected SeedComparison compute(long randomSeed) {
    return FourEquationsComparison.bp4(randomSeed);
  }
}
