package dev.quiver.executor.keys;

import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Orders rows of two sets of key vectors (possibly the same) by sort keys: each key ascending or
 * descending, nulls first or last. Built once per pair of batches.
 */
public final class RowComparator {
  private final FieldVector[] left;
  private final FieldVector[] right;
  private final ValueComparator[] comparators;
  private final boolean[] descending;
  private final boolean[] nullsFirst;

  public RowComparator(List<FieldVector> left, List<FieldVector> right, boolean[] descending, boolean[] nullsFirst) {
    this.left = left.toArray(new FieldVector[0]);
    this.right = right.toArray(new FieldVector[0]);
    this.descending = descending.clone();
    this.nullsFirst = nullsFirst.clone();
    this.comparators = new ValueComparator[this.left.length];
    for (int k = 0; k < this.left.length; k++) {
      comparators[k] = ValueComparator.of(this.left[k], this.right[k]);
    }
  }

  public int compare(int leftRow, int rightRow) {
    for (int k = 0; k < comparators.length; k++) {
      boolean ln = left[k].isNull(leftRow);
      boolean rn = right[k].isNull(rightRow);
      int c;
      if (ln || rn) {
        if (ln && rn) {
          continue;
        }
        // Null placement is absolute: it does not flip with the direction.
        return ln == nullsFirst[k] ? -1 : 1;
      }
      c = comparators[k].compare(leftRow, rightRow);
      if (c != 0) {
        return descending[k] ? -c : c;
      }
    }
    return 0;
  }
}
