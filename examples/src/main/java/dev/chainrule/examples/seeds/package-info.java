/**
 * The seeds' networks as chainrule graphs, by name: {@link
 * dev.chainrule.examples.seeds.SeedCatalog} builds a {@link dev.chainrule.examples.seeds.SeedNetwork}
 * for the subcommands that draw, print or compare an example.
 */
package dev.chainrule.examples.seeds;
