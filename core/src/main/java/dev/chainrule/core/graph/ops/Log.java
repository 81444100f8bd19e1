package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.scalar.Scalar;

/** The natural logarithm: d log(x) = g / x. */
public final class Log implements UnaryElementwise {
  /** The single instance; the operation has no attributes. */
  public static final Log INSTANCE = new Log();

  private Log() {}

  @Override
  public String name() {
    return "log";
  }

  @Override
  public Scalar form(Scalar x) {
    return x.log();
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Node x = output.inputs().get(0);
    return upstream.div(x);
  }

  @Override
  public Notation notation() {
    return Notation.function("log", "\\log");
  }
}
