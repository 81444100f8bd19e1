package dev.chainrule.spark;

import java.io.Serializable;

/**
 * How the replicas of averaging mode train in one epoch: their local batch size, the number of
 * local steps between averages, the shuffling and the epoch's learning rate.
 *
 * @param batchSize samples per local step
 * @param localSteps local steps per round, k
 * @param shuffle whether each epoch visits a shard in a fresh seeded order
 * @param seed the shuffling seed
 * @param epoch the epoch, from 0
 * @param learningRate the epoch's learning rate
 */
record LocalSchedule(int batchSize, int localSteps, boolean shuffle, long seed, int epoch,
    double learningRate) implements Serializable {}
