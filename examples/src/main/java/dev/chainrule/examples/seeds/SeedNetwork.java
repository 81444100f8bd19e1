package dev.chainrule.examples.seeds;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import java.util.List;

/**
 * One of the seeds' networks built with chainrule operations, ready to be differentiated, run,
 * printed and drawn by the subcommands that take an example name.
 *
 * @param name the example's name on the command line, e.g. {@code mazur}
 * @param graph the graph holding the network
 * @param loss the scalar loss node
 * @param parameters the parameters the seed differentiates against, in the seed's order
 * @param feeds the values of the network's inputs
 */
public record SeedNetwork(String name, Graph graph, Node loss, List<Node> parameters,
    Feeds feeds) {}
