package dev.chainrule.core.scalar;

import java.util.Arrays;

/**
 * The instructions of a program under construction, found by primitive and operands, so that the
 * same primitive applied to the same values is computed once: an open-addressing table of ints,
 * with no boxed key per lookup.
 */
final class ValueNumbers {
  /** Per slot: the value computed there plus one, or 0 for an empty slot. */
  private int[] slots = new int[64];
  private Primitive[] primitives = new Primitive[64];
  private int[][] operands = new int[64][];
  private int size;

  /** Returns the value of {@code p} applied to {@code in}, or -1 if none was recorded. */
  int find(Primitive p, int[] in) {
    int mask = slots.length - 1;
    for (int i = hash(p, in) & mask; slots[i] != 0; i = (i + 1) & mask) {
      if (primitives[i] == p && Arrays.equals(operands[i], in)) {
        return slots[i] - 1;
      }
    }
    return -1;
  }

  /** Records that {@code value} is {@code p} applied to {@code in}, which must not be recorded. */
  void add(Primitive p, int[] in, int value) {
    if (2 * (size + 1) > slots.length) {
      grow();
    }
    put(p, in, value);
  }

  private void put(Primitive p, int[] in, int value) {
    int mask = slots.length - 1;
    int i = hash(p, in) & mask;
    while (slots[i] != 0) {
      i = (i + 1) & mask;
    }
    slots[i] = value + 1;
    primitives[i] = p;
    operands[i] = in;
    size++;
  }

  private void grow() {
    int[] oldSlots = slots;
    Primitive[] oldPrimitives = primitives;
    int[][] oldOperands = operands;
    slots = new int[2 * oldSlots.length];
    primitives = new Primitive[slots.length];
    operands = new int[slots.length][];
    size = 0;
    for (int i = 0; i < oldSlots.length; i++) {
      if (oldSlots[i] != 0) {
        put(oldPrimitives[i], oldOperands[i], oldSlots[i] - 1);
      }
    }
  }

  private static int hash(Primitive p, int[] in) {
    int h = p.ordinal();
    for (int v : in) {
      h = 31 * h + v;
    }
    h *= 0x9E3779B9;
    return h ^ (h >>> 15);
  }
}
