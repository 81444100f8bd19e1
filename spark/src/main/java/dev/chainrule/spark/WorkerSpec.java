package dev.chainrule.spark;

import dev.chainrule.core.exec.train.Optimizer;
import dev.chainrule.nn.losses.Loss;
import java.io.Serializable;

/**
 * What every executor needs to train replicas of one model, broadcast once per {@code fit}: the
 * shipped model and the recipes of its loss and optimizer, under an id that names the replicas an
 * executor keeps between tasks.
 *
 * @param id unique per {@code fit}: the key of the executors' replicas
 * @param model the model (architecture or code, and initial parameters)
 * @param loss builds the loss minimised
 * @param optimizer builds the update rule, whose state replicas carry in averaging mode
 */
record WorkerSpec(String id, ShippedModel model, Recipe<? extends Loss> loss,
    Recipe<? extends Optimizer> optimizer) implements Serializable {}
