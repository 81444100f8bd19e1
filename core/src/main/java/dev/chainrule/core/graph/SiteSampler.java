package dev.chainrule.core.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the creation site of an operation or constant without walking the stack for every node.
 * A walk costs microseconds, a node a few hundredths of one; but a program that builds a graph in
 * a loop, or afresh at every step, meets the same call sites in the same context again and again.
 * So each thread remembers, for a context — the operation (or the kind of leaf), the sites of its
 * inputs, the site of the node built just before in the same graph, and the name scope — the
 * site the walk found. A context is trusted once two walks have given it the same site; then its
 * nodes take that site, and one reuse in {@value #VERIFY_EVERY} walks again to check; every check
 * that agrees doubles the gap to the next, up to one reuse in {@value #MOST_TRUSTED}, until the
 * thread meets a context it has not seen (code running for the first time, a new path through
 * the program), which brings every context back to one check in {@value #VERIFY_EVERY}. A context
 * that ever gives two different sites (two lines building the same operation on the same inputs
 * right after the same line) is walked for every node from then on. Code met for the first time
 * is always walked, so straight-line code records exactly the line of every node.
 */
final class SiteSampler {
  /** Walks that must agree before a context's site is reused. */
  static final int TRUST_AFTER = 2;
  /** One reuse in this many is checked by a walk, at first and after anything new. */
  static final int VERIFY_EVERY = 16;
  /** The longest gap between checks, reached by a context whose checks have always agreed. */
  static final int MOST_TRUSTED = 256;
  /** Contexts one thread remembers before it starts afresh. */
  static final int CAPACITY = 1 << 12;

  private static final ThreadLocal<Memory> MEMORY = ThreadLocal.withInitial(Memory::new);

  private SiteSampler() {}

  /**
   * What a node is built from, apart from the stack: {@code what} is the operation, or a marker
   * of the kind of leaf.
   */
  private record Context(Object what, String previous, String scope, String first, String second,
      String third, int inputs) {
    static Context of(Object what, List<Node> inputs, String previous, String scope) {
      int n = inputs.size();
      return new Context(what, previous, scope, n > 0 ? inputs.get(0).site() : null,
          n > 1 ? inputs.get(1).site() : null, n > 2 ? inputs.get(2).site() : null,
          n > 3 ? Objects.hash(inputs.stream().map(Node::site).toArray()) : n);
    }
  }

  /**
   * One thread's contexts, how many walks it has made for them, and how many new contexts it has
   * met (the count a context compares with its own to know that something new came since).
   */
  private static final class Memory {
    final Map<Context, Entry> seen = new HashMap<>();
    long walks;
    int novelties;
  }

  /** What the walks of one context found, and when to check it next. */
  private static final class Entry {
    final String site;
    int agreeing = 1;
    int reuses;
    int gap = VERIFY_EVERY;
    int novelties;
    boolean ambiguous;

    Entry(String site, int novelties) {
      this.site = site;
      this.novelties = novelties;
    }
  }

  /**
   * Returns the site of a node built as {@code what} on {@code inputs}, right after a node of
   * site {@code previous}, in name scope {@code scope}; null when recording is off.
   */
  static String site(Object what, List<Node> inputs, String previous, String scope) {
    if (!CreationSite.isEnabled()) {
      return null;
    }
    Memory memory = MEMORY.get();
    Context context = Context.of(what, inputs, previous, scope);
    Entry e = memory.seen.get(context);
    if (e == null) {
      memory.walks++;
      String walked = CreationSite.walk();
      if (memory.seen.size() >= CAPACITY) {
        memory.seen.clear();
      }
      memory.seen.put(context, new Entry(walked, ++memory.novelties));
      return walked;
    }
    if (e.ambiguous) {
      memory.walks++;
      return CreationSite.walk();
    }
    if (e.novelties != memory.novelties) {
      e.novelties = memory.novelties;
      e.gap = VERIFY_EVERY;
      e.reuses = Math.min(e.reuses, VERIFY_EVERY - 1);
    }
    if (e.agreeing >= TRUST_AFTER && ++e.reuses < e.gap) {
      return e.site;
    }
    e.reuses = 0;
    memory.walks++;
    String walked = CreationSite.walk();
    if (!Objects.equals(walked, e.site)) {
      e.ambiguous = true;
    } else if (++e.agreeing > TRUST_AFTER) {
      e.gap = Math.min(2 * e.gap, MOST_TRUSTED);
    }
    return walked;
  }

  /** Returns how many stack walks this thread has made for sampled nodes, for tests. */
  static long walksOnThisThread() {
    return MEMORY.get().walks;
  }
}
