package dev.chainrule.core.graph;

import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * The services this package declares and other packages of core provide: the {@link NodeFactory}
 * of graph.ops, which makes every node, and the {@link Evaluator} of exec, which {@link
 * Node#value()} runs. Each is found on the class path with Java's {@link ServiceLoader} once, when
 * first asked for.
 */
final class Installed {
  private Installed() {}

  /** Returns the installed node factory, or one that explains why there is none. */
  static NodeFactory nodeFactory() {
    return Factory.FOUND;
  }

  /** Returns the installed evaluator, or one that explains why there is none. */
  static Evaluator evaluator() {
    return Evaluation.FOUND;
  }

  /** Holds the node factory, looked up when the first node is made. */
  private static final class Factory {
    static final NodeFactory FOUND = find(NodeFactory.class, parts -> {
      throw new IllegalStateException(missing(NodeFactory.class, "a graph"));
    });
  }

  /** Holds the evaluator, looked up by the first {@code node.value()}. */
  private static final class Evaluation {
    static final Evaluator FOUND = find(Evaluator.class, node -> {
      throw new IllegalStateException(missing(Evaluator.class, "node.value()") + "; evaluate "
          + node.name() + " with Plan.compile(node).run(feeds) instead");
    });
  }

  /** Returns the first provider of {@code service} on the class path, else {@code none}. */
  private static <T> T find(Class<T> service, T none) {
    Iterator<T> found = ServiceLoader.load(service, service.getClassLoader()).iterator();
    return found.hasNext() ? found.next() : none;
  }

  /**
   * Returns the message of a missing provider: core declares its own in its jar's {@code
   * META-INF/services}, which a jar repackaged without that file loses.
   */
  private static String missing(Class<?> service, String needs) {
    return needs + " needs an implementation of " + service.getName() + " and none is on the "
        + "class path: chainrule-core declares its own in META-INF/services/" + service.getName()
        + ", which a jar repackaged without that file loses";
  }
}
