package dev.chainrule.core.graph.ops;

import dev.chainrule.core.graph.Node;
import dev.chainrule.core.graph.Notation;
import dev.chainrule.core.scalar.Scalar;

/**
 * Elementwise addition with broadcasting; both inputs receive the upstream gradient, summed back
 * to their shapes.
 */
public final class Add implements BinaryElementwise {
  /** The single instance; the operation has no attributes. */
  public static final Add INSTANCE = new Add();

  private Add() {}

  @Override
  public String name() {
    return "add";
  }

  @Override
  public Scalar form(Scalar a, Scalar b) {
    return a.add(b);
  }

  @Override
  public Node vjp(Node output, Node upstream, int input) {
    return Unbroadcast.sumTo(upstream, output.inputs().get(input).shape());
  }

  @Override
  public Notation notation() {
    return Notation.infix("+", "+", Notation.ADDITIVE);
  }
}
