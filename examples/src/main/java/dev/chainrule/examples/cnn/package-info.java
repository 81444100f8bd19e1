/**
 * The {@code cnn} command: a small convolutional network on Fashion-MNIST. Entry points: {@link
 * dev.chainrule.examples.cnn.CnnCommand} (the command line) and {@link
 * dev.chainrule.examples.cnn.CnnRun} (the run: data, network, training, test).
 */
package dev.chainrule.examples.cnn;
