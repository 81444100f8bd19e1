package dev.chainrule.core.exec;

import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import java.util.List;

/**
 * A compiled plan's immutable schedule: the value slots (leaves and computed values) with their
 * buffers, the steps in order, and which nodes a run's results may be asked for.
 */
final class Program {
  final Graph graph;
  final List<Node> targets;
  final List<Node> schedule;
  final Node[] slotNodes;
  final int[] bufferOf;
  final int[] bufferLengths;
  final int[] inputSlots;
  final StepSpec[] steps;
  /** By node id: the slot of a target or leaf, -1 for nodes whose values are not kept. */
  final int[] observable;
  final int fusedLoops;
  final int fusedOperations;
  /** How many parameter updates run inside their gradient's matrix product. */
  final int fusedUpdates;
  /** How many threads a long scan or loop of this plan may use. */
  final int threads;

  Program(Graph graph, List<Node> targets, List<Node> schedule, Node[] slotNodes, Buffers buffers,
      int[] inputSlots, StepSpec[] steps, int[] observable, int[] fused, int threads) {
    this.graph = graph;
    this.targets = List.copyOf(targets);
    this.schedule = schedule;
    this.slotNodes = slotNodes;
    this.bufferOf = buffers.bufferOf;
    this.bufferLengths = buffers.lengths;
    this.inputSlots = inputSlots;
    this.steps = steps;
    this.observable = observable;
    this.fusedLoops = fused[0];
    this.fusedOperations = fused[1];
    this.fusedUpdates = fused[2];
    this.threads = threads;
  }

  /** Returns the value slot of {@code node} if a run keeps its value, else -1. */
  int slotOf(Node node) {
    if (node.graph() != graph || node.id() >= observable.length) {
      return -1;
    }
    return observable[node.id()];
  }

  /** Returns the total number of doubles in one thread's buffers. */
  long bufferElements() {
    long n = 0;
    for (int l : bufferLengths) {
      n += l;
    }
    return n;
  }
}
