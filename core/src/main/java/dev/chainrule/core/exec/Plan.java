package dev.chainrule.core.exec;

import dev.chainrule.core.graph.CreationSite;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.GraphMismatchException;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import dev.chainrule.core.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A set of target nodes compiled once into a straight-line schedule and run many times: the
 * training loop's path. Compiling selects the targets' ancestors in creation order; running binds
 * the feeds and executes each operation's kernel into a buffer allocated on the first run and
 * reused afterwards, so repeated runs with the same shapes allocate nothing. A plan is immutable and
 * may be run from several threads at once: each thread gets its own buffers.
 */
public final class Plan {
  private final Graph graph;
  private final List<Node> targets;
  private final Node[] slots;
  private final int[] slotOfId;
  private final int[] opSlots;
  private final int[][] argSlots;
  private final int[] inputSlots;
  private final ThreadLocal<Workspace> workspaces = ThreadLocal.withInitial(this::allocate);

  private Plan(Graph graph, List<Node> targets, Node[] slots, int[] slotOfId) {
    this.graph = graph;
    this.targets = List.copyOf(targets);
    this.slots = slots;
    this.slotOfId = slotOfId;
    int opCount = 0;
    int inputCount = 0;
    for (Node n : slots) {
      opCount += n.kind() == NodeKind.OPERATION ? 1 : 0;
      inputCount += n.kind() == NodeKind.INPUT ? 1 : 0;
    }
    this.opSlots = new int[opCount];
    this.inputSlots = new int[inputCount];
    this.argSlots = new int[opCount][];
    for (int s = 0, o = 0, i = 0; s < slots.length; s++) {
      if (slots[s].kind() == NodeKind.OPERATION) {
        List<Node> in = slots[s].inputs();
        int[] args = new int[in.size()];
        for (int j = 0; j < args.length; j++) {
          args[j] = slotOfId[in.get(j).id()];
        }
        argSlots[o] = args;
        opSlots[o++] = s;
      } else if (slots[s].kind() == NodeKind.INPUT) {
        inputSlots[i++] = s;
      }
    }
  }

  /** Compiles a plan that computes {@code targets}; they must all belong to one graph. */
  public static Plan compile(List<Node> targets) {
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("a plan needs at least one target node");
    }
    Graph graph = targets.get(0).graph();
    int maxId = 0;
    for (Node t : targets) {
      if (t.graph() != graph) {
        throw new GraphMismatchException("targets " + targets.get(0).name() + " and " + t.name()
            + " belong to different graphs; a plan runs one graph (at " + CreationSite.here() + ")");
      }
      maxId = Math.max(maxId, t.id());
    }
    boolean[] needed = new boolean[maxId + 1];
    for (Node t : targets) {
      needed[t.id()] = true;
    }
    int count = 0;
    for (int id = maxId; id >= 0; id--) {
      if (needed[id]) {
        count++;
        for (Node in : graph.node(id).inputs()) {
          needed[in.id()] = true;
        }
      }
    }
    Node[] slots = new Node[count];
    int[] slotOfId = new int[maxId + 1];
    Arrays.fill(slotOfId, -1);
    int s = 0;
    for (int id = 0; id <= maxId; id++) {
      if (needed[id]) {
        slotOfId[id] = s;
        slots[s++] = graph.node(id);
      }
    }
    return new Plan(graph, targets, slots, slotOfId);
  }

  /** Compiles a plan for the given targets. */
  public static Plan compile(Node... targets) {
    return compile(List.of(targets));
  }

  /** Returns the targets this plan computes. */
  public List<Node> targets() {
    return targets;
  }

  /** Returns the nodes the plan evaluates, in execution order (leaves included). */
  public List<Node> schedule() {
    return List.of(slots);
  }

  /** Returns the inputs the plan needs fed (or holding values). */
  public List<Node> inputs() {
    return Arrays.stream(inputSlots).mapToObj(i -> slots[i]).collect(Collectors.toList());
  }

  int slotOf(Node node) {
    if (node.graph() != graph || node.id() >= slotOfId.length) {
      return -1;
    }
    return slotOfId[node.id()];
  }

  /**
   * Runs the plan with {@code feeds} and returns the results, whose tensors stay valid until this
   * thread runs the plan again.
   *
   * @throws FeedException for a missing input, a value of the wrong shape or with NaN/infinity,
   *     or a fed node that is not an input this plan uses
   * @throws AnomalyException in {@link Anomaly} mode, at the first operation whose value is not
   *     finite
   */
  public Results run(Feeds feeds) {
    Workspace ws = workspaces.get();
    bindInputs(feeds, ws.values);
    boolean anomaly = Anomaly.isEnabled();
    Tensor[] values = ws.values;
    for (int i = 0; i < opSlots.length; i++) {
      Tensor[] args = ws.args[i];
      int[] from = argSlots[i];
      for (int j = 0; j < from.length; j++) {
        args[j] = values[from[j]];
      }
      Node node = slots[opSlots[i]];
      node.op().forward(args, values[opSlots[i]]);
      if (anomaly) {
        AnomalyCheck.afterForward(node, args, values[opSlots[i]]);
      }
    }
    return new Results(this, values);
  }

  private void bindInputs(Feeds feeds, Tensor[] values) {
    for (var e : feeds.asMap().entrySet()) {
      Node n = e.getKey();
      if (n.graph() != graph) {
        throw new GraphMismatchException("fed node " + n.name() + " belongs to another graph than "
            + "the plan's targets " + names(targets));
      }
      if (n.kind() != NodeKind.INPUT) {
        String kind = n.kind().name().toLowerCase(java.util.Locale.ROOT);
        throw new FeedException(n.name() + " is " + (kind.startsWith("o") ? "an " : "a ") + kind
            + ", not an input; only inputs (graph.input(...)) are fed");
      }
      if (slotOf(n) < 0) {
        throw FeedChecks.unused(n, targets, inputs());
      }
    }
    for (int s : inputSlots) {
      Node in = slots[s];
      Tensor v = feeds.get(in);
      if (v == null) {
        v = in.heldValue();
      }
      if (v == null) {
        throw FeedChecks.missing(in, targets);
      }
      FeedChecks.check(in, v);
      values[s] = v;
    }
  }

  private static String names(List<Node> nodes) {
    return nodes.stream().map(Node::name).collect(Collectors.joining(", "));
  }

  private Workspace allocate() {
    Tensor[] values = new Tensor[slots.length];
    for (int s = 0; s < slots.length; s++) {
      Node n = slots[s];
      if (n.kind() == NodeKind.OPERATION) {
        values[s] = Tensor.zeros(n.shape());
      } else if (n.kind() != NodeKind.INPUT) {
        values[s] = n.storedValue();
      }
    }
    Tensor[][] args = new Tensor[opSlots.length][];
    for (int i = 0; i < opSlots.length; i++) {
      args[i] = new Tensor[argSlots[i].length];
    }
    return new Workspace(values, args);
  }

  private static final class Workspace {
    final Tensor[] values;
    final Tensor[][] args;

    Workspace(Tensor[] values, Tensor[][] args) {
      this.values = values;
      this.args = args;
    }
  }
}
