/**
 * Autograd against the seeds' hand-derived formulas: a {@link
 * dev.chainrule.examples.compare.SeedComparison} holds the sections that must agree (the formulas
 * as written where they are right, corrected where the seed slips) and the {@link
 * dev.chainrule.examples.compare.PinnedSlip}s, each confirmed numerically by {@link
 * dev.chainrule.examples.compare.SlipRows}; {@link
 * dev.chainrule.examples.compare.ComparisonPrinter} prints tables or the JSON map.
 *
 * <p>Entry points, one per seed: {@link dev.chainrule.examples.compare.FourEquationsComparison}
 * (000, {@code bp4}), {@link dev.chainrule.examples.compare.TestNetBatchComparison} (002), {@link
 * dev.chainrule.examples.compare.TestNetSingleComparison} (003) and {@link
 * dev.chainrule.examples.compare.ShallowComparison} (004), the last a library function for the
 * {@code shallow} training example, callable with any weights. Subcommands extend {@link
 * dev.chainrule.examples.compare.ComparisonCommand}.
 */
package dev.chainrule.examples.compare;
