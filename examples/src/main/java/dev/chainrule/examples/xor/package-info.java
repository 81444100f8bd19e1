/**
 * Seed 001's second example, XOR with a 2-5-1 sigmoid network: {@link
 * dev.chainrule.examples.xor.XorRun} trains it with the nn {@link dev.chainrule.nn.train.Trainer},
 * {@link dev.chainrule.examples.xor.XorCommand} is the {@code xor} subcommand.
 */
package dev.chainrule.examples.xor;
