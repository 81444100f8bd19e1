package dev.chainrule.core.check;

import dev.chainrule.core.exec.Feeds;
import dev.chainrule.core.exec.Plan;
import dev.chainrule.core.exec.Results;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.rewrite.Rewritten;
import dev.chainrule.core.tensor.Tensor;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The values of every named node a loss depends on (inputs, parameters, constants, named
 * operations), by name, for formulas written on tensors. Asking for an unknown name throws,
 * listing the known ones.
 */
final class NamedValues extends AbstractMap<String, Tensor> {
  private final Map<String, Tensor> values;

  private NamedValues(Map<String, Tensor> values) {
    this.values = values;
  }

  /** Thrown when a formula asks for a name the graph does not have. */
  static final class UnknownName extends NoSuchElementException {
    private static final long serialVersionUID = 1L;

    UnknownName(String message) {
      super(message);
    }
  }

  /**
   * Returns the float64 values of the named nodes {@code loss} depends on (through a float64 copy
   * of the graph when it computes in float32, so that formulas on tensors read doubles).
   */
  static NamedValues of(Node loss, Feeds feeds) {
    Rewritten float64 = InFloat64.copyIfNeeded(List.of(loss));
    if (float64 != null) {
      return of(float64.get(loss), float64.feeds(feeds));
    }
    Graph g = loss.graph();
    boolean[] needed = new boolean[loss.id() + 1];
    needed[loss.id()] = true;
    List<Node> named = new ArrayList<>();
    for (int id = loss.id(); id >= 0; id--) {
      if (needed[id]) {
        Node n = g.node(id);
        n.inputs().forEach(in -> needed[in.id()] = true);
        if (!n.isLiteral() && (n.isUserNamed() || n.op() == null)) {
          named.add(n);
        }
      }
    }
    Plan plan = Plan.compile(named);
    Results r = plan.run(feeds.usedBy(plan));
    Map<String, Tensor> values = new LinkedHashMap<>();
    for (int i = named.size() - 1; i >= 0; i--) {
      values.put(named.get(i).name(), r.get(named.get(i)).copy());
    }
    return new NamedValues(values);
  }

  @Override
  public Tensor get(Object name) {
    Tensor t = values.get(name);
    if (t == null) {
      throw new UnknownName("the formula asks for '" + name + "', but the graph has no named node "
          + "of that name; named nodes: " + String.join(", ", values.keySet()));
    }
    return t;
  }

  @Override
  public Set<Entry<String, Tensor>> entrySet() {
    return values.entrySet();
  }
}
