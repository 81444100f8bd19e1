/**
 * Seed 004's shallow 3-4-1 network trained on the planar flower: {@link
 * dev.chainrule.examples.shallow.PlanarFeatures} maps the two coordinates to the seed's three
 * inputs, {@link dev.chainrule.examples.shallow.ShallowRun} trains it, {@link
 * dev.chainrule.examples.shallow.ShallowCommand} is the {@code shallow} subcommand.
 */
package dev.chainrule.examples.shallow;
