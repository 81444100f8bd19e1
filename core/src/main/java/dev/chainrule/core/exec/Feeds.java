package dev.chainrule.core.exec;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.tensor.Tensor;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The values given to a graph's inputs for one run: an immutable map from input node to tensor.
 * Build it with {@link #of} and {@link #with}; the plan checks shapes, dtypes and values when it
 * runs (a value added by {@link #withFinite} is taken as finite without a scan), and refuses a
 * tensor of another dtype than its input's. Feeds built from {@link
 * #converting()} convert each value to its input's dtype instead, once, as it is added.
 */
public final class Feeds {
  private static final Feeds NONE = new Feeds(new IdentityHashMap<>(), Set.of(), false);
  private static final Feeds CONVERTING = new Feeds(new IdentityHashMap<>(), Set.of(), true);

  private final Map<Node, Tensor> values;
  private final Set<Node> knownFinite;
  private final Node[] nodes;
  private final boolean converting;

  private Feeds(Map<Node, Tensor> values, Set<Node> knownFinite, boolean converting) {
    this.values = values;
    this.knownFinite = knownFinite;
    this.nodes = values.keySet().toArray(new Node[0]);
    this.converting = converting;
  }

  /**
   * Returns feeds that give no input a value yet, and convert every value added with {@link
   * #with} or {@link #replacing} to its input's dtype (float64 to float32 rounds to the nearest
   * float), e.g. to feed float64 data to a float32 graph.
   */
  public static Feeds converting() {
    return CONVERTING;
  }

  /** Returns feeds that give no input a value. */
  public static Feeds none() {
    return NONE;
  }

  /** Returns feeds giving {@code input} the value {@code value}. */
  public static Feeds of(Node input, Tensor value) {
    return NONE.with(input, value);
  }

  /** Returns feeds giving two inputs their values, e.g. {@code Feeds.of(X, x, Y, y)}. */
  public static Feeds of(Node input1, Tensor value1, Node input2, Tensor value2) {
    return of(input1, value1).with(input2, value2);
  }

  /**
   * Returns a copy of these feeds that also gives {@code input} {@code value}; an input that is
   * already fed is refused (use {@link #replacing} to change a value).
   */
  public Feeds with(Node input, Tensor value) {
    return add(input, value, false);
  }

  /**
   * Returns a copy of these feeds that also gives {@code input} {@code value}, whose elements the
   * caller knows to be finite, e.g. rows just copied from a data set that refused NaN and
   * infinities when it was built: the plan checks the value's shape and dtype but does not scan
   * its elements again (on a 1024 × 784 batch of float64 that scan reads 6.4 MB a step). A value
   * that {@link #converting()} feeds convert is scanned all the same, since a float64 beyond
   * float32's range becomes infinite. An input that is already fed is refused.
   */
  public Feeds withFinite(Node input, Tensor value) {
    return add(input, value, true);
  }

  private Feeds add(Node input, Tensor value, boolean finite) {
    checkPair(input, value);
    Tensor old = values.get(input);
    if (old != null) {
      throw new IllegalArgumentException("input " + input.name() + " " + input.shape() + " is fed "
          + "twice: it already has a value of shape " + old.shape() + "; feed each input once, or "
          + "use replacing(" + input.name() + ", value) to change its value");
    }
    return put(input, value, finite && (!converting || value.dtype() == input.dtype()));
  }

  /** Returns a copy of these feeds in which {@code input}, which must be fed, has {@code value}. */
  public Feeds replacing(Node input, Tensor value) {
    checkPair(input, value);
    if (!values.containsKey(input)) {
      throw new IllegalArgumentException("input " + input.name() + " " + input.shape() + " is not "
          + "fed, so there is no value to replace; give it one with with(" + input.name()
          + ", value)");
    }
    return put(input, value, false);
  }

  private static void checkPair(Node input, Tensor value) {
    if (input == null || value == null) {
      throw new IllegalArgumentException("a feed needs an input node and a tensor, got "
          + input + " and " + (value == null ? "null" : value.shape().toString()));
    }
  }

  private Feeds put(Node input, Tensor value, boolean finite) {
    Map<Node, Tensor> copy = new IdentityHashMap<>(values);
    copy.put(input, converting ? value.to(input.dtype()) : value);
    Set<Node> known = knownFinite;
    if (finite || known.contains(input)) {
      known = Collections.newSetFromMap(new IdentityHashMap<>());
      known.addAll(knownFinite);
      if (finite) {
        known.add(input);
      } else {
        known.remove(input);
      }
    }
    return new Feeds(copy, known, converting);
  }

  /**
   * Returns these feeds without the inputs {@code plan} does not use. A plan refuses feeds it has
   * no use for (they usually mean the graph was built on another node than the one fed); this is
   * for one set of feeds shared by plans of different targets, e.g. a loss and a forward output.
   */
  public Feeds usedBy(Plan plan) {
    Map<Node, Tensor> kept = new IdentityHashMap<>();
    for (Node in : plan.inputs()) {
      Tensor v = values.get(in);
      if (v != null) {
        kept.put(in, v);
      }
    }
    return kept.size() == values.size() ? this : new Feeds(kept, knownFinite, converting);
  }

  /** Returns the value fed to {@code input}, or null when it is not fed. */
  public Tensor get(Node input) {
    return values.get(input);
  }

  /** Returns whether {@code input}'s value was added by {@link #withFinite}, not to be scanned. */
  boolean knownFinite(Node input) {
    return knownFinite.contains(input);
  }

  /** Returns the fed nodes, for a plan to check without allocating (not to be modified). */
  Node[] nodes() {
    return nodes;
  }

  /** Returns every fed input and its value, read-only. */
  public Map<Node, Tensor> asMap() {
    return Collections.unmodifiableMap(values);
  }
}
