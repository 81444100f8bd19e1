package dev.chainrule.core.scalar;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Scalar} form flattened once into steps in evaluation order, so that a {@link
 * Program.Builder} inlining the same form for a thousand operations walks an array instead of the
 * expression tree. A step reads an argument, holds a constant, or applies a primitive to earlier
 * steps; a subexpression that occurs twice (equal forms) is one step.
 */
final class FlatForm {
  /** Per step: the argument it reads, or -1. */
  private final int[] argument;
  /** Per step: the constant it holds (when neither an argument nor a primitive). */
  private final double[] constant;
  /** Per step: the primitive it applies, or null. */
  private final Primitive[] primitive;
  /** Per step: the earlier steps a primitive reads. */
  private final int[][] operands;

  private FlatForm(List<Scalar> steps, Map<Scalar, Integer> index) {
    int n = steps.size();
    argument = new int[n];
    constant = new double[n];
    primitive = new Primitive[n];
    operands = new int[n][];
    for (int k = 0; k < n; k++) {
      Scalar s = steps.get(k);
      argument[k] = -1;
      if (s instanceof Scalar.Argument a) {
        argument[k] = a.index();
      } else if (s instanceof Scalar.Constant c) {
        constant[k] = c.value();
      } else {
        Scalar.Apply f = (Scalar.Apply) s;
        primitive[k] = f.primitive();
        operands[k] = new int[f.operands().size()];
        for (int j = 0; j < operands[k].length; j++) {
          operands[k][j] = index.get(f.operands().get(j));
        }
      }
    }
  }

  /** Flattens {@code form}: operands before the steps that read them, without recursion. */
  static FlatForm of(Scalar form) {
    List<Scalar> steps = new ArrayList<>();
    Map<Scalar, Integer> index = new HashMap<>();
    List<Scalar> stack = new ArrayList<>();
    stack.add(form);
    while (!stack.isEmpty()) {
      Scalar top = stack.get(stack.size() - 1);
      if (index.containsKey(top)) {
        stack.remove(stack.size() - 1);
        continue;
      }
      boolean ready = true;
      if (top instanceof Scalar.Apply f) {
        for (int j = f.operands().size() - 1; j >= 0; j--) {
          if (!index.containsKey(f.operands().get(j))) {
            stack.add(f.operands().get(j));
            ready = false;
          }
        }
      }
      if (ready) {
        stack.remove(stack.size() - 1);
        index.put(top, steps.size());
        steps.add(top);
      }
    }
    return new FlatForm(steps, index);
  }

  /**
   * Adds the form to {@code b} with argument i bound to value {@code arguments[i]} and returns
   * the form's value.
   */
  int inline(Program.Builder b, int[] arguments) {
    int n = primitive.length;
    int[] value = new int[n];
    for (int k = 0; k < n; k++) {
      if (argument[k] >= 0) {
        if (argument[k] >= arguments.length) {
          throw new IllegalArgumentException("the form reads argument " + argument[k]
              + " but the operation has " + arguments.length + " inputs");
        }
        value[k] = arguments[argument[k]];
      } else if (primitive[k] == null) {
        value[k] = b.constant(constant[k]);
      } else {
        int[] in = new int[operands[k].length];
        for (int j = 0; j < in.length; j++) {
          in[j] = value[operands[k][j]];
        }
        value[k] = b.apply(primitive[k], in);
      }
    }
    return value[n - 1];
  }
}
