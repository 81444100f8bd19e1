package dev.chainrule.nn.manual;

import dev.chainrule.core.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of one set of hand-derived formulas: the parameter gradients and the intermediate
 * errors (δ, dZ, dA …), each under the name the seed gives it, e.g. {@code dW[1]}, {@code ∂L/∂b[2]}
 * or {@code δ(2)}, in the order the seed computes them.
 *
 * @param gradients the parameter gradients by the seed's names
 * @param intermediates the intermediate errors by the seed's names
 */
public record ManualGradients(Map<String, Tensor> gradients, Map<String, Tensor> intermediates) {
  /** Keeps read-only copies of both maps in their iteration order. */
  public ManualGradients {
    gradients = Collections.unmodifiableMap(new LinkedHashMap<>(gradients));
    intermediates = Collections.unmodifiableMap(new LinkedHashMap<>(intermediates));
  }

  /** Returns the gradient or intermediate called {@code name}; throws naming the known ones. */
  public Tensor get(String name) {
    Tensor t = gradients.containsKey(name) ? gradients.get(name) : intermediates.get(name);
    if (t == null) {
      throw new IllegalArgumentException("no manual gradient called '" + name + "'; known: "
          + gradients.keySet() + " and intermediates " + intermediates.keySet());
    }
    return t;
  }
}
