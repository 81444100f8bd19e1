package dev.chainrule.examples.seeds;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.autodiff.Gradients;
import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/** Evaluates a reverse pass once and returns the values under the seed's names. */
final class Adjoints {
  private Adjoints() {}

  /**
   * Returns d{@code loss}/d{@code p} for every parameter in {@code parameters} and the adjoint
   * d{@code loss}/d{@code n} of every forward node in {@code forward}, keyed by the given names.
   */
  static Map<String, Tensor> of(Node loss, Map<String, Node> parameters,
      Map<String, Node> forward) {
    Gradients pass = Autodiff.gradients(loss, new ArrayList<>(parameters.values()));
    Map<String, Node> targets = new LinkedHashMap<>();
    parameters.forEach((name, p) -> targets.put(name, pass.of(p)));
    forward.forEach((name, n) -> targets.put(name, pass.adjoint(n)));
    Results r = Plan.compile(new ArrayList<>(targets.values())).run(Feeds.none());
    Map<String, Tensor> out = new LinkedHashMap<>();
    targets.forEach((name, n) -> out.put(name, r.get(n).copy()));
    return out;
  }
}
