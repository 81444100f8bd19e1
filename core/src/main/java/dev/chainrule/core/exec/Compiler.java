package dev.chainrule.core.exec;

import dev.chainrule.core.exec.fused.Fusion;
import dev.chainrule.core.graph.CreationSite;
import dev.chainrule.core.graph.DTypeException;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.GraphMismatchException;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.NodeKind;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.ops.MatMul;
import dev.chainrule.core.scalar.Scalar;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Compiles targets into a {@link Program}: selects and rewrites the nodes ({@link Selection}),
 * groups elementwise operations into loops ({@link Fusion}), lays out value slots, emits one step
 * per remaining operation and per loop in topological order, appends the accumulations,
 * and assigns buffers ({@link Buffers}). Linear in the size of the graph, with no recursion.
 */
final class Compiler {
  private final Selection s;
  private final ExecOptions options;
  private int[] group;
  private int[] slotOf;
  private final List<Node> slotNodes = new ArrayList<>();

  private Compiler(Selection s, ExecOptions options) {
    this.s = s;
    this.options = options;
  }

  /** Compiles {@code targets}, plus {@code acc} when it is not null. */
  static Program compile(List<Node> targets, ExecOptions options, Accumulations acc) {
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("a plan needs at least one target node");
    }
    Graph graph = targets.get(0).graph();
    List<Node> roots = new ArrayList<>(targets);
    if (acc != null) {
      roots.addAll(acc.parameters());
      roots.addAll(acc.increments());
      if (acc.guard() != null) {
        roots.add(acc.guard());
      }
    }
    int maxId = 0;
    for (Node t : roots) {
      if (t.graph() != graph) {
        throw new GraphMismatchException("targets " + targets.get(0).name() + " and " + t.name()
            + " belong to different graphs; a plan runs one graph (at " + CreationSite.here()
            + ")");
      }
      maxId = Math.max(maxId, t.id());
    }
    Selection s = new Selection(graph, maxId);
    s.select(roots, options.foldTransposes());
    List<FusedAccumulations.Fused> fused = acc != null && options.fuseUpdates()
        ? FusedAccumulations.find(s, targets, acc) : List.of();
    if (!fused.isEmpty()) {
      roots = new ArrayList<>(targets);
      roots.addAll(acc.parameters());
      if (acc.guard() != null) {
        roots.add(acc.guard());
      }
      boolean[] skip = new boolean[acc.parameters().size()];
      for (FusedAccumulations.Fused f : fused) {
        skip[f.index()] = true;
        for (int a : s.args[f.product()]) {
          roots.add(s.nodes[a]);
        }
      }
      for (int i = 0; i < skip.length; i++) {
        if (!skip[i]) {
          roots.add(acc.increments().get(i));
        }
      }
      s.clearNeeded();
      s.select(roots, options.foldTransposes());
    }
    for (Node r : roots) {
      s.pinned[r.id()] = true;
    }
    if (options.fuseElementwise()) {
      s.reluMasks();
    }
    return new Compiler(s, options).build(targets, acc, fused);
  }

  private Program build(List<Node> targets, Accumulations acc,
      List<FusedAccumulations.Fused> fused) {
    Scalar[] forms = options.fuseElementwise() ? Groups.forms(s) : null;
    group = forms != null ? Fusion.groups(forms, s.args, s.shapes, s.needed) : null;
    Groups groups = group != null ? new Groups(s, forms, group) : null;
    assignSlots(groups);
    List<StepSpec> steps = new ArrayList<>();
    int fusedOps = 0;
    for (int id = 0; id < s.size; id++) {
      if (!s.needed[id] || s.ops[id] == null) {
        continue;
      }
      if (group == null || group[id] < 0) {
        steps.add(opStep(id));
      } else if (groups.last(group[id]) == id) {
        steps.add(groups.step(group[id], slotOf, options.threads()));
        fusedOps += groups.size(group[id]);
      }
    }
    if (acc != null) {
      addAccumulations(acc, fused, steps);
    }
    StepSpec[] all = steps.toArray(new StepSpec[0]);
    int[] sizes = new int[slotNodes.size()];
    DType[] types = new DType[sizes.length];
    boolean[] pinned = new boolean[sizes.length];
    List<Integer> inputs = new ArrayList<>();
    for (int v = 0; v < sizes.length; v++) {
      Node n = slotNodes.get(v);
      sizes[v] = n.shape().size();
      types[v] = n.dtype();
      pinned[v] = s.pinned[n.id()];
      if (n.kind() == NodeKind.INPUT) {
        inputs.add(v);
      }
    }
    Buffers buffers = Buffers.assign(all, sizes, types, pinned, options.reuseBuffers());
    int[] observable = new int[s.size];
    Arrays.fill(observable, -1);
    List<Node> schedule = new ArrayList<>();
    for (int id = 0; id < s.size; id++) {
      if (s.needed[id]) {
        schedule.add(s.nodes[id]);
        if (s.ops[id] == null) {
          observable[id] = slotOf[id];
        }
      }
    }
    for (Node t : targets) {
      observable[t.id()] = slotOf[t.id()];
    }
    return new Program(s.graph, targets, List.copyOf(schedule), slotNodes.toArray(new Node[0]),
        buffers, inputs.stream().mapToInt(Integer::intValue).toArray(), all, observable,
        new int[] {groups != null ? groups.count() : 0, fusedOps, fused.size()},
        options.threads());
  }

  /** Gives a slot to every leaf, every operation outside a loop, and every loop output. */
  private void assignSlots(Groups groups) {
    slotOf = new int[s.size];
    Arrays.fill(slotOf, -1);
    for (int id = 0; id < s.size; id++) {
      if (s.needed[id] && (group == null || group[id] < 0 || groups.isOutput(id))) {
        slotOf[id] = slotNodes.size();
        slotNodes.add(s.nodes[id]);
      }
    }
  }

  private StepSpec opStep(int id) {
    int[] args = s.args[id];
    int[] argSlots = new int[args.length];
    List<Shape> shapes = new ArrayList<>(args.length);
    for (int j = 0; j < args.length; j++) {
      argSlots[j] = slotOf[args[j]];
      shapes.add(s.shapes[args[j]]);
    }
    Op op = s.ops[id];
    DType dtype = s.nodes[id].dtype();
    if (!op.supports(dtype)) {
      throw unsupported(s.nodes[id], op, dtype);
    }
    return new OpStep.Spec(op, List.copyOf(shapes), s.shapes[id], argSlots, slotOf[id],
        options.prepareKernels(), dtype);
  }

  /** Returns the error of a plan needing {@code op} in a dtype it has no kernel for. */
  static DTypeException unsupported(Node node, Op op, DType dtype) {
    return new DTypeException(node.name() + " = " + op.name() + " " + node.shape()
        + (node.site() != null ? " (built at " + node.site() + ")" : "") + " runs in " + dtype
        + ", but " + op.name() + " has no " + dtype + " kernel yet; cast its inputs with "
        + ".cast(DType.FLOAT64) and its result back with .cast(DType." + dtype.name() + ")");
  }

  private void addAccumulations(Accumulations acc, List<FusedAccumulations.Fused> fused,
      List<StepSpec> steps) {
    if (acc.guard() != null) {
      steps.add(new GuardStep.Spec(slotOf[acc.guard().id()]));
    }
    boolean[] done = new boolean[acc.parameters().size()];
    for (FusedAccumulations.Fused f : fused) {
      Node product = s.nodes[f.product()];
      if (!s.ops[f.product()].supports(product.dtype())) {
        throw unsupported(product, s.ops[f.product()], product.dtype());
      }
      int[] a = s.args[f.product()];
      steps.add(GemmAccumulateStep.Spec.of((MatMul) s.ops[f.product()], s.shapes[a[0]],
          s.shapes[a[1]], slotOf[a[0]], slotOf[a[1]], slotOf[f.parameter().id()],
          product.dtype()));
      done[f.index()] = true;
    }
    List<Integer> params = new ArrayList<>();
    List<Integer> increments = new ArrayList<>();
    for (int i = 0; i < done.length; i++) {
      if (!done[i]) {
        params.add(slotOf[acc.parameters().get(i).id()]);
        increments.add(slotOf[acc.increments().get(i).id()]);
      }
    }
    if (!params.isEmpty()) {
      steps.add(new AxpyStep.Spec(params.stream().mapToInt(Integer::intValue).toArray(),
          increments.stream().mapToInt(Integer::intValue).toArray()));
    }
  }
}
