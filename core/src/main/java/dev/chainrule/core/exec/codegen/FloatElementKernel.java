package dev.chainrule.core.exec.codegen;

/**
 * A small fused float32 program compiled to JVM code by {@link ElementCompiler#compileFloat}: the
 * float32 {@link ElementKernel}, computing one element of every output with float arithmetic.
 */
public interface FloatElementKernel {
  /**
   * Computes element {@code i} of each {@code out[j]} from the operands {@code in[e]}; {@code r}
   * is scratch space for values handed from one part of a long program to the next.
   */
  void run(float[][] in, float[][] out, float[] r, int i);
}
