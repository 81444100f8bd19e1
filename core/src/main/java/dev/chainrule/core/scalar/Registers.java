package dev.chainrule.core.scalar;

import java.util.Arrays;

/**
 * Registers for the values of a {@link Program}, assigned by liveness: a value's register is free
 * again after its last reader, so an instruction may write where it reads, and a program of a
 * thousand instructions may need a handful of registers. A comparison's register is taken before
 * its operands' are freed, so that its branch-free loop finds its operands intact (see {@link
 * Comparisons}).
 */
public final class Registers {
  private final int[] register;
  private final int count;

  /**
   * Assigns registers. Values marked {@code liveIn} (outside operands, constants) get theirs
   * before the first instruction, in value order; results marked {@code pooled} get one when
   * computed. A register of a {@code pooled} value that is not {@code kept} is free again after
   * the value's last reader; other registers are never shared. Values in neither get none (-1).
   */
  public Registers(Program p, boolean[] liveIn, boolean[] pooled, boolean[] kept) {
    int values = p.values();
    this.register = new int[values];
    Arrays.fill(register, -1);
    int next = 0;
    for (int v = 0; v < values; v++) {
      if (liveIn[v]) {
        register[v] = next++;
      }
    }
    int[] lastUse = new int[values];
    Arrays.fill(lastUse, -1);
    for (int k = 0; k < p.length(); k++) {
      for (int j = 0; j < p.primitive(k).arity(); j++) {
        lastUse[p.operand(k, j)] = k;
      }
    }
    int[] free = new int[8];
    int freeCount = 0;
    for (int k = 0; k < p.length(); k++) {
      int v = p.result(k);
      boolean gets = pooled[v] && !liveIn[v];
      boolean early = gets && p.primitive(k).isComparison();
      if (early) {
        register[v] = freeCount == 0 ? next++ : free[--freeCount];
      }
      for (int j = 0; j < p.primitive(k).arity(); j++) {
        int a = p.operand(k, j);
        if (lastUse[a] == k && pooled[a] && !kept[a] && register[a] >= 0) {
          if (freeCount == free.length) {
            free = Arrays.copyOf(free, 2 * freeCount);
          }
          free[freeCount++] = register[a];
          lastUse[a] = -1;
        }
      }
      if (gets && !early) {
        register[v] = freeCount == 0 ? next++ : free[--freeCount];
      }
    }
    this.count = next;
  }

  /** Returns the register of value {@code v}, or -1 when it has none. */
  public int of(int v) {
    return register[v];
  }

  /** Returns the number of registers used. */
  public int count() {
    return count;
  }
}
