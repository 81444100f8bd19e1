package dev.chainrule.core.exec;

import dev.chainrule.core.tensor.DType;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Assigns the computed values of a schedule to buffers. With reuse, a value's buffer returns to a
 * pool (by exact length) once its last reader has run, and a later value of that length takes it;
 * values pinned to the end of the run (targets) keep theirs. Values of different dtypes never
 * share a buffer: float64 values live in {@code double[]} buffers, float32 ones in {@code float[]}.
 * A step's outputs share a buffer with its own operands only where the step says it may write over
 * them (see {@link StepSpec#overwritable()}), since outputs are assigned before the operands'
 * buffers are released: an output takes the first operand it may overwrite that nothing reads
 * later, so that a loop writes into a buffer it has just read (still in cache) rather than into a
 * cold one.
 */
final class Buffers {
  /** The buffer of each value slot (-1 for leaves, which use their own tensors). */
  final int[] bufferOf;
  /** The length of each buffer. */
  final int[] lengths;
  /** The dtype of each buffer. */
  final DType[] dtypes;

  private Buffers(int[] bufferOf, int[] lengths, DType[] dtypes) {
    this.bufferOf = bufferOf;
    this.lengths = lengths;
    this.dtypes = dtypes;
  }

  /**
   * Assigns buffers for the values the steps write.
   *
   * @param sizes the element count of each value slot
   * @param types the dtype of each value slot
   * @param pinned which value slots must survive until the end of the run
   */
  static Buffers assign(StepSpec[] steps, int[] sizes, DType[] types, boolean[] pinned,
      boolean reuse) {
    int slots = sizes.length;
    int[] lastRead = new int[slots];
    Arrays.fill(lastRead, -1);
    for (int s = 0; s < steps.length; s++) {
      for (int v : steps[s].reads()) {
        lastRead[v] = s;
      }
    }
    int[] bufferOf = new int[slots];
    Arrays.fill(bufferOf, -1);
    int[] lengths = new int[16];
    DType[] dtypes = new DType[16];
    int count = 0;
    Map<Long, ArrayDeque<Integer>> free = new HashMap<>();
    for (int s = 0; s < steps.length; s++) {
      int[] writes = steps[s].writes();
      int[][] offer = reuse ? steps[s].overwritable() : null;
      for (int j = 0; j < writes.length; j++) {
        int v = writes[j];
        int in = offer == null ? -1 : firstFree(offer[j], v, s, lastRead, pinned, bufferOf, sizes,
            types);
        if (in >= 0) {
          bufferOf[v] = bufferOf[in];
          lastRead[in] = -2;
          continue;
        }
        ArrayDeque<Integer> pool = reuse ? free.get(key(sizes[v], types[v])) : null;
        if (pool != null && !pool.isEmpty()) {
          bufferOf[v] = pool.pop();
        } else {
          if (count == lengths.length) {
            lengths = Arrays.copyOf(lengths, count * 2);
            dtypes = Arrays.copyOf(dtypes, count * 2);
          }
          lengths[count] = sizes[v];
          dtypes[count] = types[v];
          bufferOf[v] = count++;
        }
      }
      if (reuse) {
        for (int v : steps[s].reads()) {
          if (lastRead[v] == s) {
            release(free, v, bufferOf, key(sizes[v], types[v]), pinned);
            lastRead[v] = -2;
          }
        }
      }
    }
    return new Buffers(bufferOf, Arrays.copyOf(lengths, count), Arrays.copyOf(dtypes, count));
  }

  /**
   * Returns the first of {@code candidates} whose buffer value {@code v} written by step {@code s}
   * may take (step {@code s} is its last reader, it is not pinned, and it has a buffer of v's
   * length and dtype), or -1.
   */
  private static int firstFree(int[] candidates, int v, int s, int[] lastRead, boolean[] pinned,
      int[] bufferOf, int[] sizes, DType[] types) {
    for (int in : candidates) {
      if (lastRead[in] == s && !pinned[in] && bufferOf[in] >= 0 && sizes[in] == sizes[v]
          && types[in] == types[v]) {
        return in;
      }
    }
    return -1;
  }

  /** Returns the pool of free buffers a value of {@code size} elements of {@code type} takes. */
  private static long key(int size, DType type) {
    return (long) size << 1 | type.ordinal();
  }

  private static void release(Map<Long, ArrayDeque<Integer>> free, int v, int[] bufferOf,
      long key, boolean[] pinned) {
    if (bufferOf[v] >= 0 && !pinned[v]) {
      free.computeIfAbsent(key, k -> new ArrayDeque<>()).push(bufferOf[v]);
    }
  }
}
