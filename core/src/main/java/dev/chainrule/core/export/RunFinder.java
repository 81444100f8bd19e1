package dev.chainrule.core.export;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds runs of structurally identical steps in a sequence of nodes in creation order: a loop
 * {@code y ← y·x + 0.1} unrolled 2 000 times, and its gradient. A run is {@code steps} blocks of
 * {@code period} consecutive nodes in which every node has the same operation, shape and role as
 * the node one block earlier, and every operand is, consistently from block to block, either the
 * same node (a weight shared by every step), the same number, a node a fixed distance back inside
 * the run (the previous step's output, carried), or a node outside the run that moves by a fixed
 * stride (step i of another run, as the backward pass reads the forward one). In the first block
 * a carried operand may come from anywhere: that is the loop's initial value. The scan is linear
 * in the sequence for each period tried, and greedy: the earliest, longest run wins. A run starts
 * with an operation (a row of inputs is not a loop).
 */
final class RunFinder {
  /** The longest step looked for, in nodes. */
  static final int MAX_PERIOD = 48;
  /** The fewest steps worth folding: a loop run three times reads well drawn in full. */
  static final int MIN_STEPS = 4;
  /** The fewest nodes worth folding. */
  static final int MIN_NODES = 8;

  /** A run: {@code steps} blocks of {@code period} nodes from position {@code start}. */
  record Run(int start, int period, int steps) {
    /** Returns the position after the last node of the run. */
    int end() {
      return start + period * steps;
    }

    /** Returns the number of nodes in the run. */
    int size() {
      return period * steps;
    }

    /** Returns true when position {@code p} lies in the run. */
    boolean contains(int p) {
      return p >= start && p < end();
    }
  }

  private final List<Node> sequence;
  private final int[] position;
  private final int[] signature;
  private final Selection selection;

  /**
   * Prepares a search over {@code sequence} (nodes in creation order); {@code selection} gives
   * roles.
   */
  RunFinder(List<Node> sequence, Selection selection, int graphSize) {
    this.sequence = sequence;
    this.selection = selection;
    this.position = new int[graphSize];
    Arrays.fill(position, -1);
    this.signature = new int[sequence.size()];
    Map<List<Object>, Integer> signatures = new HashMap<>();
    for (int i = 0; i < sequence.size(); i++) {
      Node n = sequence.get(i);
      position[n.id()] = i;
      List<Object> key = List.of(n.kind(), n.op() == null ? "" : n.op().label(), n.shape(),
          String.valueOf(selection.role(n)), n.inputs().size());
      signature[i] = signatures.computeIfAbsent(key, k -> signatures.size());
    }
  }

  /** Returns the nodes searched, in creation order. */
  List<Node> sequence() {
    return sequence;
  }

  /** Returns the position of {@code n} in the sequence, or -1 when it is not in it. */
  int position(Node n) {
    return n.id() < position.length ? position[n.id()] : -1;
  }

  /** Returns the runs of at least {@link #MIN_STEPS} steps, in sequence order, not overlapping. */
  List<Run> runs() {
    List<Run> runs = new ArrayList<>();
    int n = sequence.size();
    int i = 0;
    while (i < n) {
      Run best = null;
      for (int p = 1; p <= MAX_PERIOD && i + p * MIN_STEPS <= n; p++) {
        int steps = steps(i, p);
        if (steps >= MIN_STEPS && steps * p >= MIN_NODES
            && (best == null || steps * p > best.size())) {
          best = new Run(i, p, steps);
        }
      }
      if (best != null) {
        runs.add(best);
        i = best.end();
      } else {
        i++;
      }
    }
    return runs;
  }

  /** Returns how many steps of {@code period} nodes from {@code start} repeat each other. */
  private int steps(int start, int period) {
    if (signature[start] != signature[start + period]
        || sequence.get(start).kind() != NodeKind.OPERATION) {
      return 1;
    }
    int[][] strides = new int[period][];
    int steps = 1;
    while (start + (steps + 1) * period <= sequence.size()) {
      for (int r = 0; r < period; r++) {
        int later = start + steps * period + r;
        if (!repeats(start, later, later - period, steps - 1, strides, r)) {
          return steps;
        }
      }
      steps++;
    }
    return steps;
  }

  /**
   * Returns true when the node at {@code later} repeats the one at {@code earlier}, which is in
   * step {@code step} of the run starting at {@code start}; {@code strides[r]} holds the stride of
   * each operand from outside the run, fixed by the first comparison.
   */
  private boolean repeats(int start, int later, int earlier, int step, int[][] strides, int r) {
    if (signature[later] != signature[earlier]) {
      return false;
    }
    Node a = sequence.get(later);
    Node b = sequence.get(earlier);
    if (strides[r] == null) {
      strides[r] = new int[a.inputs().size()];
      Arrays.fill(strides[r], Integer.MIN_VALUE);
    }
    for (int j = 0; j < a.inputs().size(); j++) {
      if (!operandRepeats(start, later, earlier, step, a.inputs().get(j), b.inputs().get(j),
          strides[r], j)) {
        return false;
      }
    }
    return true;
  }

  private boolean operandRepeats(int start, int later, int earlier, int step, Node u, Node v,
      int[] strides, int j) {
    if (u.isLiteral() || v.isLiteral()) {
      return u.isLiteral() && v.isLiteral()
          && Objects.equals(u.storedValue().item(), v.storedValue().item());
    }
    int pu = position(u);
    int pv = position(v);
    if (pu < 0 || pv < 0) {
      return u == v;
    }
    if (pu >= start) {
      return pv >= start ? later - pu == earlier - pv : step == 0;
    }
    if (pv >= start) {
      return false;
    }
    if (strides[j] == Integer.MIN_VALUE) {
      strides[j] = pu - pv;
    }
    return strides[j] == pu - pv;
  }
}
