package dev.chainrule.core.exec;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.ops.Identity;
import dev.chainrule.core.graph.ops.MatMul;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the accumulations that can run inside their increment's own matrix product (see {@link
 * GemmAccumulateStep}): the increment is a matrix product, possibly behind identity aliases, that
 * nothing else in the plan reads, that is not itself asked for, and whose operands are not
 * parameters being added to (so the order of the accumulations cannot matter).
 */
final class FusedAccumulations {
  /**
   * One fused accumulation.
   *
   * @param index the parameter's position in the accumulations
   * @param parameter the parameter node
   * @param product the id of the matrix product node whose value is the increment
   */
  record Fused(int index, Node parameter, int product) {}

  private FusedAccumulations() {}

  /** Returns the accumulations that can be fused, given the selected plan. */
  static List<Fused> find(Selection s, List<Node> targets, Accumulations acc) {
    int[] consumers = s.consumers();
    int[] asked = new int[s.size];
    for (Node t : targets) {
      asked[t.id()]++;
    }
    for (Node g : acc.increments()) {
      asked[g.id()]++;
    }
    boolean[] parameter = new boolean[s.size];
    for (Node p : acc.parameters()) {
      parameter[p.id()] = true;
    }
    List<Fused> fused = new ArrayList<>();
    for (int i = 0; i < acc.parameters().size(); i++) {
      int id = acc.increments().get(i).id();
      if (consumers[id] != 0 || asked[id] != 1) {
        continue;
      }
      boolean clear = true;
      while (clear && s.ops[id] == Identity.INSTANCE) {
        id = s.args[id][0];
        clear = consumers[id] == 1 && asked[id] == 0;
      }
      if (clear && s.ops[id] instanceof MatMul && !parameter[s.args[id][0]]
          && !parameter[s.args[id][1]]) {
        fused.add(new Fused(i, acc.parameters().get(i), id));
      }
    }
    return fused;
  }
}
