package dev.chainrule.examples.compare;

import dev.chainrule.nn.manual.GradientComparison;
import java.util.List;

/**
 * Autograd against one seed's hand-derived formulas: the sections comparing the formulas that
 * should agree, and the pinned slips.
 *
 * @param example the example's name, e.g. {@code testnet-single}
 * @param title one line naming the seed and its network
 * @param network the network and cost, one line each
 * @param randomSeed the seed of the random data and weights, or −1 when the caller gave them
 * @param sections the comparisons of the right (or corrected) formulas
 * @param slips the seed's formulas that disagree, each explained
 */
public record SeedComparison(String example, String title, List<String> network, long randomSeed,
    List<ComparisonSection> sections, List<PinnedSlip> slips) {
  /** Keeps unmodifiable copies of the lists. */
  public SeedComparison {
    network = List.copyOf(network);
    sections = List.copyOf(sections);
    slips = List.copyOf(slips);
  }

  /** Returns the largest relative difference over every gradient of every section. */
  public double maxRelErrorVsManual() {
    return sections.stream().mapToDouble(s -> GradientComparison.maxRelative(s.gradients()))
        .max().orElse(0);
  }

  /** Returns true when every section agrees to 1e-12 and every slip's explanation is confirmed. */
  public boolean verified() {
    return maxRelErrorVsManual() <= GradientComparison.TOLERANCE
        && slips.stream().allMatch(PinnedSlip::explained);
  }
}
