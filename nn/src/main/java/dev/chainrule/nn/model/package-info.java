/**
 * Models: networks written as plain Java code that build nodes into a graph.
 *
 * <p>Entry points: {@link dev.chainrule.nn.model.Sequential} (stacks of dense layers, with a
 * builder), {@link dev.chainrule.nn.model.Network} (stacks of layers of any kind — convolution,
 * pooling, batch norm, dropout, flatten, dense — over NCHW images, built by a {@link
 * dev.chainrule.nn.model.NetworkBuilder}), {@link dev.chainrule.nn.model.LayerStack} (any layers
 * in order, e.g. a recurrent network), {@link dev.chainrule.nn.model.Model} (the interface a
 * custom model implements), {@link
 * dev.chainrule.nn.model.Forward} (the nodes a forward pass adds: input, logits, output) and
 * {@link dev.chainrule.nn.model.Architecture} (what a saved file needs to rebuild a model).
 */
package dev.chainrule.nn.model;
