package dev.chainrule.nn.layers;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.util.function.Consumer;

/**
 * A change to a layer's state made after each training step from a value the step computed:
 * batch norm blends the batch's mean and variance into its running statistics, dropout advances
 * its draw number. The trainer asks the step to keep {@code observed} and hands its value to
 * {@code apply} after the step.
 *
 * @param observed the node of the training graph whose value the update reads
 * @param apply what to do with that value (modifies the layer's state tensors in place)
 */
public record StateUpdate(Node observed, Consumer<Tensor> apply) {}
