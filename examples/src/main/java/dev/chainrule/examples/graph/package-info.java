/**
 * The {@code graph} subcommand: pictures of the seeds' networks, forward, backward, both and by
 * layer, the backward pass after simplification (alone and next to the one as built) and
 * autograd next to the seeds' hand-derived formulas, as DOT, SVG and PNG. Entry points: {@link
 * dev.chainrule.examples.graph.GraphCommand} (the command line), {@link
 * dev.chainrule.examples.graph.PictureKind} (the views) and {@link
 * dev.chainrule.examples.graph.SeedPictures} (the DOT text of one view, also used by the test that
 * keeps docs/images/ up to date).
 */
package dev.chainrule.examples.graph;
