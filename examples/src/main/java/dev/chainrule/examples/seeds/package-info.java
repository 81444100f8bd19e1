/**
 * The seeds' networks as plain chainrule graphs, named in each seed's notation, with deterministic
 * random data and weights: {@link dev.chainrule.examples.seeds.SeedCatalog} builds a {@link
 * dev.chainrule.examples.seeds.SeedNetwork} by example name for the subcommands that draw, print
 * or compare an example.
 *
 * <p>Networks: {@link dev.chainrule.examples.seeds.MazurNetwork} ({@code mazur}, seed 001), {@link
 * dev.chainrule.examples.seeds.FourEquationsNetwork} ({@code bp4}, seed 000, any depth), {@link
 * dev.chainrule.examples.seeds.TestNetBatchNetwork} ({@code testnet-batch}, seed 002), {@link
 * dev.chainrule.examples.seeds.TestNetSingleNetwork} ({@code testnet-single}, seed 003) and
 * {@link dev.chainrule.examples.seeds.ShallowNetwork} ({@code shallow}, seed 004). Each also
 * returns autograd's gradients under the seed's names and the matching manual reference from
 * {@code dev.chainrule.nn.manual}.
 */
package dev.chainrule.examples.seeds;
