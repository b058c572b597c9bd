package dev.quiver.executor.operators.aggregate;

import java.util.Arrays;

/**
 * The rows of a batch listed group by group, each group's rows in input order. With few groups (TPC-H Q1
 * has four) consecutive rows mostly hit the same few slots, and a loop that reads and writes a row's slot in
 * memory waits on the previous row's store before its own load. Walking one group's rows at a time keeps the
 * running value in a register instead, and adds each group's rows in the same order, so double sums come
 * out bit for bit the same. Reused from batch to batch.
 */
final class GroupRuns {
  /** More groups than this and the counting sort's per-group arrays stop being cheap. */
  static final int MAX_GROUPS = 64;
  /** Fewer rows than this and sorting them costs more than it saves. */
  static final int MIN_ROWS = 256;

  private int[] rows = new int[0];
  private final int[] groups = new int[MAX_GROUPS];
  private final int[] ends = new int[MAX_GROUPS];
  private final int[] next = new int[MAX_GROUPS];
  private int count;

  /** Whether a batch of {@code n} rows spread over {@code groupCount} groups is worth sorting. */
  static boolean worthwhile(int n, int groupCount) {
    return groupCount <= MAX_GROUPS && n >= MIN_ROWS;
  }

  /**
   * Lists rows {@code [0, n)} by their group in {@code groupIds}, all below {@code groupCount} (at most
   * {@link #MAX_GROUPS}): a stable counting sort.
   */
  GroupRuns sort(int[] groupIds, int n, int groupCount) {
    if (groupCount > MAX_GROUPS) {
      throw new IllegalArgumentException(groupCount + " groups, more than " + MAX_GROUPS);
    }
    if (rows.length < n) {
      rows = new int[Math.max(n, rows.length * 2)];
    }
    int[] sizes = next;
    Arrays.fill(sizes, 0, groupCount, 0);
    for (int r = 0; r < n; r++) {
      sizes[groupIds[r]]++;
    }
    count = 0;
    int at = 0;
    for (int g = 0; g < groupCount; g++) {
      int size = sizes[g];
      if (size > 0) {
        groups[count] = g;
        sizes[g] = at;
        at += size;
        ends[count] = at;
        count++;
      }
    }
    int[] positions = next;
    for (int r = 0; r < n; r++) {
      rows[positions[groupIds[r]]++] = r;
    }
    return this;
  }

  /** How many groups the batch touches, each one run. */
  int count() {
    return count;
  }

  /** The group of run {@code k}. */
  int group(int k) {
    return groups[k];
  }

  /** Where run {@code k} starts in {@link #rows()}. */
  int start(int k) {
    return k == 0 ? 0 : ends[k - 1];
  }

  /** Where run {@code k} ends (exclusive) in {@link #rows()}. */
  int end(int k) {
    return ends[k];
  }

  /** Row indices, run by run; valid up to {@code end(count() - 1)}. */
  int[] rows() {
    return rows;
  }
}
