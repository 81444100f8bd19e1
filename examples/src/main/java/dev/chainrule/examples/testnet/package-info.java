/**
 * The {@code testnet-single} (seed 003) and {@code testnet-batch} (seed 002) subcommands: TestNet's
 * hand-derived gradients against autograd, with the seeds' slips pinned ({@link
 * dev.chainrule.examples.testnet.TestNetSingleCommand}, {@link
 * dev.chainrule.examples.testnet.TestNetBatchCommand}).
 */
package dev.chainrule.examples.testnet;
