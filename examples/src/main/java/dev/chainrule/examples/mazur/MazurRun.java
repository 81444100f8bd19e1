package dev.chainrule.examples.mazur;

import dev.chainrule.examples.seeds.MazurNetwork;
import java.util.Map;

/**
 * The quantities of seed 001 as chainrule computes them.
 *
 * @param hiddenOutputs out_h1, out_h2 at the initial weights
 * @param outputs out_o1, out_o2 at the initial weights
 * @param initialError E_total at the initial weights
 * @param walkthrough the partial derivatives and intermediate values of the seed's walkthrough
 * @param gradients ∂E_total/∂w1 … ∂E_total/∂w8 at the initial weights
 * @param weightsAfterStep1 w1 … w8 after one step of gradient descent with η = 0.5
 * @param errorAfterStep1 E_total after that step
 * @param errorAfterSteps E_total after {@link MazurCommand#STEPS} steps
 * @param outputsAfterSteps out_o1, out_o2 after {@link MazurCommand#STEPS} steps
 * @param variant the same three figures when the output layer is updated first
 */
public record MazurRun(double[] hiddenOutputs, double[] outputs, double initialError,
    Map<String, Double> walkthrough, double[] gradients, double[] weightsAfterStep1,
    double errorAfterStep1, double errorAfterSteps, double[] outputsAfterSteps,
    Variant variant) {

  /**
   * The figures of the update order that reproduces the seed's later numbers.
   *
   * @param errorAfterStep1 E_total after one step
   * @param errorAfterSteps E_total after {@link MazurCommand#STEPS} steps
   * @param outputsAfterSteps out_o1, out_o2 after {@link MazurCommand#STEPS} steps
   */
  public record Variant(double errorAfterStep1, double errorAfterSteps,
      double[] outputsAfterSteps) {}

  /** Builds the network, trains it both ways and records every quantity the seed reports. */
  public static MazurRun compute() {
    MazurNetwork net = new MazurNetwork();
    double[] hidden = net.hiddenOutputs();
    double[] outputs = net.outputs();
    double initial = net.error();
    Map<String, Double> walkthrough = net.walkthrough();
    double[] gradients = net.gradients();
    net.trainStep();
    double[] weights1 = net.weights();
    double error1 = net.error();
    for (int s = 1; s < MazurCommand.STEPS; s++) {
      net.trainStep();
    }
    return new MazurRun(hidden, outputs, initial, walkthrough, gradients, weights1, error1,
        net.error(), net.outputs(), outputLayerFirst());
  }

  private static Variant outputLayerFirst() {
    MazurNetwork net = new MazurNetwork();
    net.trainStepOutputLayerFirst();
    double error1 = net.error();
    for (int s = 1; s < MazurCommand.STEPS; s++) {
      net.trainStepOutputLayerFirst();
    }
    return new Variant(error1, net.error(), net.outputs());
  }
}
