/**
 * Fashion-MNIST with an MLP: {@link dev.chainrule.examples.fashion.FashionRun} loads the data,
 * trains and tests; {@link dev.chainrule.examples.fashion.FashionMnistCommand} is the {@code
 * fashion-mnist} subcommand.
 */
package dev.chainrule.examples.fashion;
