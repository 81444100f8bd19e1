package dev.chainrule.core.scalar;

import java.util.Arrays;

/**
 * The instructions of a program under construction, found by primitive and operands, so that the
 * same primitive applied to the same values is computed once: an open-addressing table of ints,
 * with no boxed key per lookup. A lookup that misses remembers where the instruction belongs, so
 * recording it right after costs no second search.
 */
final class ValueNumbers {
  /** Per slot: the value computed there plus one, or 0 for an empty slot. */
  private int[] slots;
  private Primitive[] primitives;
  private int[][] operands;
  private int size;
  /** The empty slot where the last missed lookup ended. */
  private int vacancy;

  /** Makes a table sized for about {@code expected} instructions without growing. */
  ValueNumbers(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, 2 * expected - 1)) << 1;
    slots = new int[capacity];
    primitives = new Primitive[capacity];
    operands = new int[capacity][];
  }

  /** Returns the value of {@code p} applied to {@code in}, or -1 if none was recorded. */
  int find(Primitive p, int[] in) {
    int mask = slots.length - 1;
    int i = hash(p, in) & mask;
    while (slots[i] != 0) {
      if (primitives[i] == p && Arrays.equals(operands[i], in)) {
        return slots[i] - 1;
      }
      i = (i + 1) & mask;
    }
    vacancy = i;
    return -1;
  }

  /**
   * Records that {@code value} is {@code p} applied to {@code in}, right after {@link #find}
   * missed it.
   */
  void addMissed(Primitive p, int[] in, int value) {
    if (2 * (size + 1) > slots.length) {
      grow();
      find(p, in);
    }
    slots[vacancy] = value + 1;
    primitives[vacancy] = p;
    operands[vacancy] = in;
    size++;
  }

  private void grow() {
    int[] oldSlots = slots;
    Primitive[] oldPrimitives = primitives;
    int[][] oldOperands = operands;
    slots = new int[2 * oldSlots.length];
    primitives = new Primitive[slots.length];
    operands = new int[slots.length][];
    int mask = slots.length - 1;
    for (int j = 0; j < oldSlots.length; j++) {
      if (oldSlots[j] != 0) {
        int i = hash(oldPrimitives[j], oldOperands[j]) & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = oldSlots[j];
        primitives[i] = oldPrimitives[j];
        operands[i] = oldOperands[j];
      }
    }
  }

  /** Mixes the primitive and the operands so that neighbouring values spread over the table. */
  private static int hash(Primitive p, int[] in) {
    int h = p.ordinal() + 1;
    for (int v : in) {
      h = (h ^ v) * 0x9E3779B1;
      h ^= h >>> 15;
    }
    h *= 0x85EBCA6B;
    return h ^ (h >>> 13);
  }
}
