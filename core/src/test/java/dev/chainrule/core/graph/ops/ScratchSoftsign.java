package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.scalar.Scalar;

/**
 * A scratch operation kept in the test sources to prove the op contract:
 * softsign(x) = x / (1 + |x|) was added exactly as CONTRIBUTING.md says (this one file and its
 * catalogue line, nothing else), and {@code ElementwiseContractTest} finds it running fused and
 * compiled like the ops of core.
 */
public final class ScratchSoftsign implements UnaryElementwise {
  /** The single instance; the operation has no attributes. */
  public static final ScratchSoftsign INSTANCE = new ScratchSoftsign();

  private ScratchSoftsign() {}

  @Override
  public String name() {
    return "scratch_softsign";
  }

  @Override
  public Scalar form(Scalar x) {
    return x.div(x.abs().add(1.0));
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    Node x = output.inputs().get(0);
    return upstream.div(x.abs().add(1.0).square());
  }

  @Override
  public Notation notation() {
    return Notation.function("softsign", "\\operatorname{softsign}");
  }
}
