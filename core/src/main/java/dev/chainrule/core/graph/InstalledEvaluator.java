package dev.chainrule.core.graph;

import java.util.Iterator;
import java.util.ServiceLoader;

/** The {@link Evaluator} found on the class path, looked up once, when first asked for. */
final class InstalledEvaluator {
  private static final Evaluator EVALUATOR = find();

  private InstalledEvaluator() {}

  /** Returns the installed evaluator, or one that explains why there is none. */
  static Evaluator get() {
    return EVALUATOR;
  }

  private static Evaluator find() {
    Iterator<Evaluator> found =
        ServiceLoader.load(Evaluator.class, Evaluator.class.getClassLoader()).iterator();
    if (found.hasNext()) {
      return found.next();
    }
    return node -> {
      throw new IllegalStateException("node.value() needs an evaluator and none is on the class "
          + "path: chainrule-core declares its own in META-INF/services/"
          + Evaluator.class.getName() + ", which a jar repackaged without that file loses; "
          + "evaluate " + node.name() + " with Plan.compile(node).run(feeds) instead");
    };
  }
}
