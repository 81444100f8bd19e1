package dev.chainrule.core.exec;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.ops.Compare;
import dev.chainrule.core.graph.ops.FoldedMatMul;
import dev.chainrule.core.graph.ops.MatMul;
import dev.chainrule.core.graph.ops.Relu;
import dev.chainrule.core.tensor.Shape;
import java.util.List;

/**
 * The nodes a plan must run, found without recursion: the ancestors of its roots, walking ids
 * downwards. Each operation is taken in its effective form: with transposes folded, a matrix
 * product whose operand is a matrix transpose reads the transpose's input with its flag flipped,
 * and the transpose itself runs only if something else needs it.
 */
final class Selection {
  final Graph graph;
  final int size;
  final Node[] nodes;
  final Op[] ops;
  final int[][] args;
  final Shape[] shapes;
  final boolean[] needed;
  /** Values that must survive to the end of a run: targets and the operands of fused updates. */
  final boolean[] pinned;

  Selection(Graph graph, int maxId) {
    this.graph = graph;
    this.size = maxId + 1;
    this.nodes = new Node[size];
    this.ops = new Op[size];
    this.args = new int[size][];
    this.shapes = new Shape[size];
    this.needed = new boolean[size];
    this.pinned = new boolean[size];
  }

  /** Marks {@code roots} and their ancestors as needed, with the effective operation of each. */
  void select(List<Node> roots, boolean foldTransposes) {
    for (Node r : roots) {
      needed[r.id()] = true;
    }
    for (int id = size - 1; id >= 0; id--) {
      if (!needed[id]) {
        continue;
      }
      Node n = nodes[id] != null ? nodes[id] : graph.node(id);
      nodes[id] = n;
      shapes[id] = n.shape();
      if (n.kind() != NodeKind.OPERATION) {
        continue;
      }
      if (ops[id] == null) {
        effective(id, n, foldTransposes);
      }
      for (int a : args[id]) {
        needed[a] = true;
      }
    }
  }

  /** Clears the needed marks so that {@link #select} can run again on other roots. */
  void clearNeeded() {
    java.util.Arrays.fill(needed, false);
  }

  private void effective(int id, Node n, boolean foldTransposes) {
    List<Node> in = n.inputs();
    int[] a = new int[in.size()];
    Op op = n.op();
    if (foldTransposes && op instanceof MatMul mm) {
      FoldedMatMul f = FoldedMatMul.of(mm, in.get(0), in.get(1), any -> true);
      op = f.op();
      a[0] = f.a().id();
      a[1] = f.b().id();
    } else {
      for (int j = 0; j < a.length; j++) {
        a[j] = in.get(j).id();
      }
    }
    ops[id] = op;
    args[id] = a;
  }

  /**
   * Lets ReLU's derivative mask read the ReLU's output: 1(z &gt; 0) and 1(relu(z) &gt; 0) are equal
   * for every z (relu(z) is z where z &gt; 0 or z is NaN, and 0 elsewhere), so when the plan
   * computes relu(z) before the mask, the mask reads it and z itself need not be kept for the
   * backward pass. Changes only the effective operands, never the graph.
   */
  void reluMasks() {
    int[] reluOf = new int[size];
    java.util.Arrays.fill(reluOf, -1);
    for (int id = 0; id < size; id++) {
      if (needed[id] && ops[id] == Relu.INSTANCE && reluOf[args[id][0]] < 0) {
        reluOf[args[id][0]] = id;
      }
    }
    for (int id = 0; id < size; id++) {
      if (needed[id] && ops[id] instanceof Compare
          && ((Compare) ops[id]).relation() == Compare.Relation.GT) {
        int z = args[id][0];
        int relu = reluOf[z];
        if (relu >= 0 && relu < id && isZero(args[id][1])) {
          args[id] = new int[] {relu, args[id][1]};
        }
      }
    }
  }

  private boolean isZero(int id) {
    Node n = nodes[id];
    return n.isLiteral() && n.storedValue().item() == 0.0;
  }

  /** Returns how many needed operations read each node id. */
  int[] consumers() {
    int[] c = new int[size];
    for (int id = 0; id < size; id++) {
      if (needed[id] && args[id] != null) {
        for (int a : args[id]) {
          c[a]++;
        }
      }
    }
    return c;
  }
}
