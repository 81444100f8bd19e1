package dev.chainrule.core.rewrite;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.graph.ops.BroadcastTo;
import dev.chainrule.core.graph.ops.Diag;
import dev.chainrule.core.tensor.DType;
import dev.chainrule.core.tensor.Tensor;
import dev.chainrule.core.tensor.TensorFormat;
import java.util.List;

/**
 * Constant folding: an operation whose inputs are all constants is computed once, now. A result
 * that holds one value everywhere becomes that number (broadcast to its shape when it is not a
 * scalar), so that the 1/m of a mean reads as a factor rather than as a tensor of copies. A
 * broadcast literal and the diagonal matrix of one value, c·I, are left as they are written, and
 * so are the operations reading c·I.
 */
final class ConstantFolding implements Rule {
  @Override
  public String name() {
    return "constant folding";
  }

  @Override
  public Node rewrite(Op op, List<Node> inputs, Rewriting r) {
    if (op instanceof BroadcastTo && inputs.get(0).isLiteral()
        || op instanceof Diag && r.uniformValue(inputs.get(0)) != null
        || inputs.stream().anyMatch(n -> scaledIdentity(n, r))) {
      return null;
    }
    Tensor[] args = new Tensor[inputs.size()];
    for (int i = 0; i < args.length; i++) {
      args[i] = r.constantValue(inputs.get(i));
      if (args[i] == null) {
        return null;
      }
    }
    DType dtype = op.outputDType(args[0].dtype());
    if (!op.supports(dtype)) {
      return null;
    }
    Tensor out = Tensor.zeros(op.inferShape(inputs.stream().map(Node::shape).toList()), dtype);
    op.forward(args, out);
    double[] v = out.toArray();
    boolean uniform = v.length > 0;
    for (int i = 1; uniform && i < v.length; i++) {
      uniform = Double.doubleToLongBits(v[i]) == Double.doubleToLongBits(v[0]);
    }
    Node folded = uniform ? r.uniform(v[0], out.shape())
        : r.constant(TensorFormat.format(out), out);
    return r.fired("constant folding", folded);
  }

  /** Returns true for diag(c), c·I: kept, so that the algebra turns 1·I into I and A·I into A. */
  private static boolean scaledIdentity(Node n, Rewriting r) {
    return n.op() instanceof Diag && r.uniformValue(n.inputs().get(0)) != null;
  }
}
