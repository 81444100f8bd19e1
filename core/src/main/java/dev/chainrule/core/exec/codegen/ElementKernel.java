package dev.chainrule.core.exec.codegen;

/**
 * A small fused program compiled to JVM code by {@link ElementCompiler}: computes one element of
 * every output from the outside operands, keeping values in local variables.
 */
public interface ElementKernel {
  /**
   * Computes element {@code i} of each {@code out[j]} from the operands {@code in[e]}; {@code r}
   * is scratch space for values handed from one part of a long program to the next.
   */
  void run(double[][] in, double[][] out, double[] r, int i);
}
