package dev.chainrule.core.rewrite;

import dev.chainrule.core.autodiff.Autodiff;
import dev.chainrule.core.autodiff.Gradients;
import dev.chainrule.core.graph.Graph;
import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.ops.MatMul;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Rewrites graphs into simpler graphs that compute the same values: it copies the targets'
 * ancestors into a new graph in creation order (no recursion), passing every node through the
 * rules (identities, constant folding, fusions) and a table of nodes already built (common
 * subexpressions), then keeps only what the targets still need (dead nodes). The original graph is
 * never modified. {@link #gradients} also re-derives a backward pass from the fused forward graph,
 * which is how softmax + cross-entropy shows up as P − Y in the gradient itself.
 */
public final class Rewriter {
  /** How many rewriting runs {@code run} makes at most, blocking recomputations between them. */
  private static final int ATTEMPTS = 8;

  private final List<Rule> rules;
  private final Map<Node, Set<Integer>> distributions;

  private Rewriter(List<Rule> rules, Map<Node, Set<Integer>> distributions) {
    this.rules = List.copyOf(rules);
    this.distributions = distributions;
  }

  /** Returns a rewriter with every rule: {@link Rules#standard()}. */
  public static Rewriter standard() {
    return new Rewriter(Rules.standard(), new IdentityHashMap<>());
  }

  /** Returns a rewriter consulting exactly {@code rules}, in order. */
  public static Rewriter with(List<Rule> rules) {
    return new Rewriter(rules, new IdentityHashMap<>());
  }

  /**
   * Returns a rewriter that also takes {@code targets}' slices along {@code axis} to sum to 1
   * (one-hot labels or distributions), so that a fused softmax cross-entropy differentiates to
   * P − Y. This is a statement about the data the graph will be fed; the rewrite is exact only when
   * it holds.
   */
  public Rewriter assumingDistribution(Node targets, int axis) {
    Map<Node, Set<Integer>> more = new IdentityHashMap<>(distributions);
    more.computeIfAbsent(targets, k -> new java.util.TreeSet<>())
        .add(targets.shape().normalizeAxis(axis));
    return new Rewriter(rules, more);
  }

  /** Rewrites the graph of {@code targets}; see {@link #rewrite(List)}. */
  public Rewritten rewrite(Node... targets) {
    return rewrite(List.of(targets));
  }

  /**
   * Returns a new graph computing {@code targets} (forward or backward nodes of one graph) after
   * the rules, common-subexpression elimination and dead-node removal; names, scopes, gradient
   * passes and user lines are kept, and parameters share their tensors with the original.
   */
  public Rewritten rewrite(List<Node> targets) {
    return run(targets, Set.of(), distributions);
  }

  /**
   * Rewrites like {@link #rewrite(List)}, but the nodes of {@code unname} lose their names in the
   * copy and are written inline.
   */
  Rewritten rewriteUnnaming(List<Node> targets, Set<Node> unname) {
    return run(targets, unname, distributions);
  }

  /**
   * Rewrites {@code targets}; where a rewrite computed a product a second time in another form
   * while the first stayed needed ((A·B)ᵀ → Bᵀ·Aᵀ beside A·B) and the result computes more matrix
   * products than the graph it simplifies, rewrites again with those sites blocked too, as long
   * as new ones appear (at most {@value #ATTEMPTS} runs), and keeps the first result with the
   * fewest products: simplifying never makes a graph compute more products than before (where
   * blocking can prevent it), and keeps a textbook form that costs no more.
   */
  private Rewritten run(List<Node> targets, Set<Node> unname, Map<Node, Set<Integer>> dists) {
    int before = products(Copier.sourceOf(targets),
        Copier.ancestors(Copier.sourceOf(targets), targets, Set.of()));
    Set<Recomputations.Site> blocked = new HashSet<>();
    Attempt last = attempt(targets, unname, dists, new Recomputations(blocked));
    Attempt best = last;
    for (int run = 1; products(best.result()) > before && run < ATTEMPTS
        && blocked.addAll(last.recomputations().twice(last.needed())); run++) {
      last = attempt(targets, unname, dists, new Recomputations(blocked));
      if (products(last.result()) < products(best.result())) {
        best = last;
      }
    }
    return best.result();
  }

  /** Returns how many matrix products the rewritten graph computes (it holds only needed nodes). */
  private static int products(Rewritten r) {
    boolean[] all = new boolean[r.graph().size()];
    Arrays.fill(all, true);
    return products(r.graph(), all);
  }

  /** Returns how many of the nodes of {@code g} marked {@code counted} are matrix products. */
  private static int products(Graph g, boolean[] counted) {
    int count = 0;
    for (int id = 0; id < counted.length; id++) {
      count += counted[id] && g.node(id).op() instanceof MatMul ? 1 : 0;
    }
    return count;
  }

  /**
   * One rewriting run: its result, which nodes of its first copy the result still needs, and
   * the recomputations it made.
   */
  private record Attempt(Rewritten result, Predicate<Node> needed,
      Recomputations recomputations) {}

  private Attempt attempt(List<Node> targets, Set<Node> unname, Map<Node, Set<Integer>> dists,
      Recomputations recomputations) {
    Rewriting rw = new Rewriting(new Graph(Copier.sourceOf(targets).dtype()), rules,
        recomputations);
    Node[] first = Copier.copy(targets, Set.of(), unname, rw, (old, copy) -> {
      for (int axis : dists.getOrDefault(old, Set.of())) {
        rw.assumeDistribution(copy, axis);
      }
    });
    List<Node> rewritten = targets.stream().map(t -> first[t.id()]).toList();
    Node[] second = compact(rewritten);
    Map<Node, Node> map = new IdentityHashMap<>();
    Graph source = targets.get(0).graph();
    for (int id = 0; id < first.length; id++) {
      Node mid = first[id];
      Node last = mid == null || second == null ? mid
          : mid.id() < second.length ? second[mid.id()] : null;
      if (last != null) {
        map.put(source.node(id), last);
      }
    }
    List<Node> out = second == null ? rewritten
        : rewritten.stream().map(t -> second[t.id()]).toList();
    return new Attempt(new Rewritten(out.get(0).graph(), out, map, rw.firedCounts()),
        n -> second == null || n.id() < second.length && second[n.id()] != null, recomputations);
  }

  /**
   * Copies the ancestors of {@code targets} into a fresh graph, leaving out the nodes the rules
   * made dead; returns null when every node is still needed, so no copy is made.
   */
  private static Node[] compact(List<Node> targets) {
    Graph g = targets.get(0).graph();
    boolean[] needed = new boolean[g.size()];
    targets.forEach(t -> needed[t.id()] = true);
    boolean all = true;
    for (int id = g.size() - 1; id >= 0; id--) {
      if (needed[id]) {
        g.node(id).inputs().forEach(in -> needed[in.id()] = true);
      } else {
        all = false;
      }
    }
    return all ? null : Copier.copy(targets, Set.of(), Set.of(),
        NodeFactory.plain(new Graph(g.dtype())));
  }

  /**
   * Simplifies the backward pass {@code pass} of a scalar loss; see
   * {@link #gradients(Node, List, GradientForm)}.
   */
  public RewrittenGradients gradients(Gradients pass, GradientForm form) {
    return gradients(pass.output(), pass.wrt(), form);
  }

  /**
   * Returns a simplified graph holding {@code loss}, the named forward nodes it depends on, the
   * gradient of {@code loss} with respect to each of {@code wrt}, and the adjoint of every named
   * forward node (dZ[2], dA[1], …). The forward part is rewritten first, fusions included; the
   * backward part is then derived again from the fused forward graph and rewritten in turn.
   */
  public RewrittenGradients gradients(Node loss, List<Node> wrt, GradientForm form) {
    List<Node> named = namedAncestors(loss);
    List<Node> forward = new ArrayList<>(List.of(loss));
    forward.addAll(wrt);
    forward.addAll(named);
    Rewritten fused = run(forward, Set.of(), distributions);
    Derivation d = Derivation.derive(fused.get(loss),
        wrt.stream().map(fused::get).toList(), form);
    List<Node> targets = new ArrayList<>(List.of(fused.get(loss)));
    targets.addAll(d.gradients());
    Map<Node, Node> adjointsBefore = new LinkedHashMap<>();
    for (Node f : named) {
      Node kept = fused.get(f);
      targets.add(kept);
      Node adjoint = kept == null ? null : d.pass().adjoint(kept);
      if (adjoint != null && adjoint.isGradient()) {
        adjointsBefore.put(f, adjoint);
        targets.add(adjoint);
      }
    }
    Map<Node, Set<Integer>> dists = new IdentityHashMap<>();
    distributions.forEach((n, axes) -> {
      if (fused.get(n) != null) {
        dists.put(fused.get(n), axes);
      }
    });
    Rewritten simple = run(targets, d.unnamed(), dists);
    Map<Node, Node> map = new IdentityHashMap<>();
    fused.mapping().forEach((orig, mid) -> {
      if (simple.get(mid) != null) {
        map.put(orig, simple.get(mid));
      }
    });
    Map<Node, Node> adjoints = new LinkedHashMap<>();
    adjointsBefore.forEach((f, a) -> adjoints.put(f, simple.get(a)));
    List<Node> gradients = d.gradients().stream().map(simple::get).toList();
    Map<String, Integer> fired = new LinkedHashMap<>(fused.fired());
    simple.fired().forEach((k, v) -> fired.merge(k, v, Integer::sum));
    return new RewrittenGradients(simple.graph(), simple.targets(), map, fired,
        new RewrittenGradients.Pass(map.get(loss), List.copyOf(wrt), gradients, adjoints, form,
            d.factor()));
  }

  /**
   * Returns the Hessian of a one-element {@code loss} with respect to {@code wrt} as an (n, n)
   * matrix over wrt's n elements (in row-major order), simplified into the form the textbooks
   * print: for the logistic loss J = −mean(Y ∘ log A + (1 − Y) ∘ log(1 − A)), A = σ(W·X + b), it is
   * (1/m)·X·diag(A ∘ (1 − A))·Xᵀ. The backward pass is simplified first, then differentiated along
   * a symbolic direction, and the matrix of that Hessian-vector product is extracted ({@link
   * Autodiff#matrixOf}); where that does not apply, the column-stacked {@link Autodiff#hessian} is
   * simplified instead. The result's one target is the matrix; its mapping sends each original
   * node to its counterpart, so that {@link Rewritten#feeds} feeds it. diag(a) is evaluated dense,
   * (k, k): the form is for reading and checking.
   */
  public Rewritten hessian(Node loss, Node wrt) {
    return HessianForm.of(this, loss, wrt);
  }

  /** Returns the user-named operation nodes {@code loss} depends on, in creation order. */
  private static List<Node> namedAncestors(Node loss) {
    Graph g = loss.graph();
    boolean[] needed = new boolean[loss.id() + 1];
    needed[loss.id()] = true;
    List<Node> named = new ArrayList<>();
    for (int id = loss.id(); id >= 0; id--) {
      if (!needed[id]) {
        continue;
      }
      Node n = g.node(id);
      n.inputs().forEach(in -> needed[in.id()] = true);
      if (n != loss && n.isUserNamed() && n.kind() == dev.chainrule.core.graph.NodeKind.OPERATION) {
        named.add(n);
      }
    }
    java.util.Collections.reverse(named);
    return named;
  }
}
