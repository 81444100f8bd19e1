/**
 * Building blocks of networks, in both layouts of the seeds: {@link
 * dev.chainrule.nn.layers.Dense} (Z[l] = W[l]·A[l−1] + b[l] in columns, A[l−1]·W[l] + b[l] in
 * rows), the {@link dev.chainrule.nn.layers.Activation}s (sigmoid, tanh, ReLU, Leaky ReLU(λ),
 * softmax, identity) and the {@link dev.chainrule.nn.layers.Layout} that says where the samples
 * lie; for sequences (laid out as {@link dev.chainrule.nn.layers.Sequences} says) {@link
 * dev.chainrule.nn.layers.Embedding}, {@link dev.chainrule.nn.layers.LayerNorm}, the recurrent
 * {@link dev.chainrule.nn.layers.Recurrent} layer of a {@link dev.chainrule.nn.layers.Cell} (RNN,
 * LSTM, GRU) and {@link dev.chainrule.nn.layers.EveryStep}.
 *
 * <p>Image layers, NCHW with the samples first, for {@link dev.chainrule.nn.model.Network}:
 * {@link dev.chainrule.nn.layers.Conv2d}, {@link dev.chainrule.nn.layers.Pool2d} (max and average),
 * {@link dev.chainrule.nn.layers.BatchNorm}, {@link dev.chainrule.nn.layers.Dropout} and {@link
 * dev.chainrule.nn.layers.Flatten}, which turns images into rows or columns for dense layers.
 * Layers that train differently from how they evaluate read a {@link
 * dev.chainrule.nn.layers.Mode}; those with state that is saved but not trained are {@link
 * dev.chainrule.nn.layers.Stateful}.
 *
 * <p>Entry points: {@link dev.chainrule.nn.layers.Dense#create}, {@link
 * dev.chainrule.nn.layers.Activation}, {@link dev.chainrule.nn.layers.Layer} to write another
 * kind of layer. Layers own their {@link dev.chainrule.nn.layers.Parameter}s as live tensors and
 * build nodes into any graph, so one model serves graphs of several batch sizes.
 */
package dev.chainrule.nn.layers;
