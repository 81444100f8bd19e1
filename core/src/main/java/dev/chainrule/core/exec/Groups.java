package dev.chainrule.core.exec;

import dev.chainrule.core.exec.fused.FusedProgram;
import dev.chainrule.core.graph.Op;
import dev.chainrule.core.scalar.Scalar;
import dev.chainrule.core.tensor.Shape;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The loops {@link Fusion} formed, as member lists in topological order, with the members each
 * must write out (read by other steps, or pinned) and the compiled {@link FusedProgram} of each.
 */
final class Groups {
  private final Selection s;
  private final Scalar[] forms;
  private final int[] group;
  private final int[] start;
  private final int[] members;
  private final boolean[] output;
  private final int[] position;
  private final int[] externalStamp;
  private final int[] externalIndex;

  /** Collects the loops of {@code group}, whose members' scalar forms are {@code forms}. */
  Groups(Selection s, Scalar[] forms, int[] group) {
    this.s = s;
    this.forms = forms;
    this.group = group;
    int count = 0;
    for (int g : group) {
      count = Math.max(count, g + 1);
    }
    this.start = new int[count + 1];
    for (int g : group) {
      if (g >= 0) {
        start[g + 1]++;
      }
    }
    for (int g = 0; g < count; g++) {
      start[g + 1] += start[g];
    }
    this.members = new int[start[count]];
    this.position = new int[s.size];
    int[] fill = Arrays.copyOf(start, count);
    for (int id = 0; id < group.length; id++) {
      if (group[id] >= 0) {
        position[id] = fill[group[id]] - start[group[id]];
        members[fill[group[id]]++] = id;
      }
    }
    this.output = new boolean[s.size];
    for (int id = 0; id < s.size; id++) {
      if (s.needed[id] && s.args[id] != null) {
        for (int a : s.args[id]) {
          if (group[a] >= 0 && group[a] != group[id]) {
            output[a] = true;
          }
        }
      }
      output[id] |= group[id] >= 0 && s.pinned[id];
    }
    this.externalStamp = new int[s.size];
    this.externalIndex = new int[s.size];
  }

  /**
   * Returns the scalar form of each needed operation of {@code s} that has one, by node id: what
   * {@link dev.chainrule.core.exec.fused.Fusion} groups into loops. The form is asked of each
   * operation object once, so the nodes of one operation share one form, which the loops' {@link
   * dev.chainrule.core.scalar.Program.Builder} then flattens once.
   */
  static Scalar[] forms(Selection s) {
    Scalar[] forms = new Scalar[s.size];
    Map<Op, Scalar> byOp = new IdentityHashMap<>();
    for (int id = 0; id < s.size; id++) {
      if (s.needed[id] && s.ops[id] != null) {
        forms[id] = byOp.computeIfAbsent(s.ops[id], Op::scalarForm);
      }
    }
    return forms;
  }

  /** Returns the number of loops. */
  int count() {
    return start.length - 1;
  }

  /** Returns the number of operations in loop {@code g}. */
  int size(int g) {
    return start[g + 1] - start[g];
  }

  /** Returns the id of the last member of loop {@code g}, where the loop runs. */
  int last(int g) {
    return members[start[g + 1] - 1];
  }

  /** Returns true when the value of member {@code id} is needed outside its loop. */
  boolean isOutput(int id) {
    return output[id];
  }

  /** Compiles loop {@code g} into a step reading and writing the given value slots. */
  FusedStep.Spec step(int g, int[] slotOf, int threads) {
    int n = size(g);
    Scalar[] memberForms = new Scalar[n];
    int[] argStart = new int[n + 1];
    for (int m = 0; m < n; m++) {
      argStart[m + 1] = argStart[m] + s.args[members[start[g] + m]].length;
    }
    int[] args = new int[argStart[n]];
    boolean[] isOutput = new boolean[n];
    int externals = 0;
    int outputs = 0;
    int[] externalIds = new int[4];
    for (int m = 0; m < n; m++) {
      int id = members[start[g] + m];
      memberForms[m] = forms[id];
      isOutput[m] = output[id];
      outputs += isOutput[m] ? 1 : 0;
      int[] a = s.args[id];
      for (int j = 0; j < a.length; j++) {
        if (group[a[j]] == g) {
          args[argStart[m] + j] = position[a[j]];
        } else {
          if (externalStamp[a[j]] != g + 1) {
            externalStamp[a[j]] = g + 1;
            if (externals == externalIds.length) {
              externalIds = Arrays.copyOf(externalIds, externals * 2);
            }
            externalIndex[a[j]] = externals;
            externalIds[externals++] = a[j];
          }
          args[argStart[m] + j] = -(externalIndex[a[j]] + 1);
        }
      }
    }
    Shape[] shapes = new Shape[externals];
    int[] inputs = new int[externals];
    for (int e = 0; e < externals; e++) {
      shapes[e] = s.shapes[externalIds[e]];
      inputs[e] = slotOf[externalIds[e]];
    }
    int[] outs = new int[outputs];
    for (int m = 0, j = 0; m < n; m++) {
      if (isOutput[m]) {
        outs[j++] = slotOf[members[start[g] + m]];
      }
    }
    Shape shape = s.shapes[members[start[g]]];
    FusedProgram program = new FusedProgram(shape, memberForms, argStart, args, shapes, isOutput);
    return new FusedStep.Spec(program, inputs, outs, threads);
  }
}
