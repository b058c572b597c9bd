package dev.quiver.executor.expressions.kernels;

/** An open-addressing set of longs, for IN with many constants: no boxing per probe. */
final class LongHashSet {
  private final long[] keys;
  private final boolean[] used;
  private final int mask;

  LongHashSet(int expected) {
    int cap = Integer.highestOneBit(Math.max(4, expected * 2) - 1) << 1;
    keys = new long[cap];
    used = new boolean[cap];
    mask = cap - 1;
  }

  private static int hash(long v) {
    long h = v * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  void add(long v) {
    int i = hash(v) & mask;
    while (used[i]) {
      if (keys[i] == v) {
        return;
      }
      i = (i + 1) & mask;
    }
    used[i] = true;
    keys[i] = v;
  }

  boolean contains(long v) {
    int i = hash(v) & mask;
    while (used[i]) {
      if (keys[i] == v) {
        return true;
      }
      i = (i + 1) & mask;
    }
    return false;
  }
}
