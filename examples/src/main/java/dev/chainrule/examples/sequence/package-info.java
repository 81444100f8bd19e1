/**
 * The {@code sequence} example: a recurrent network (LSTM or GRU, unrolled over the sequence and
 * trained by back-propagation through time) learning to add binary numbers digit by digit.
 *
 * <p>Entry points: {@link dev.chainrule.examples.sequence.SequenceCommand} (the subcommand) and
 * {@link dev.chainrule.examples.sequence.SequenceRun#compute} (the run itself).
 */
package dev.chainrule.examples.sequence;
