package dev.chainrule.core.exec.codegen;

import dev.chainrule.core.scalar.Primitive;

/**
 * A small fused program laid out element by element, each value a single number in a register:
 * what the fused loops' interpreter runs and {@link ElementCompiler} compiles.
 *
 * @param primitive per instruction, its primitive
 * @param registersOf per instruction: the register of its result, then of its (up to three)
 *     operands (the result's again for operands beyond the primitive's arity)
 * @param registers the number of registers
 * @param externalRegister per outside operand, the register it is loaded into
 * @param elementMap per outside operand, the position read for each element
 * @param outputRegister per output, the register holding it at the end
 * @param constants per register, the number it holds when it is a constant's
 * @param isConstant per register, whether it holds a constant
 */
public record ElementCode(Primitive[] primitive, int[][] registersOf, int registers,
    int[] externalRegister, int[][] elementMap, int[] outputRegister, double[] constants,
    boolean[] isConstant) {
  /** Returns the number of instructions. */
  public int length() {
    return primitive.length;
  }
}
