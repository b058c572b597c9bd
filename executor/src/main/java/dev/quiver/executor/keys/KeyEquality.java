package dev.quiver.executor.keys;

import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Whether the keys of a row in one set of vectors equal the keys of a row in another. For grouping, null
 * equals null (one group of nulls); for join keys null matches nothing.
 */
public final class KeyEquality {
  private final FieldVector[] left;
  private final FieldVector[] right;
  private final ValueComparator[] comparators;
  private final boolean nullsEqual;

  public KeyEquality(List<FieldVector> left, List<FieldVector> right, boolean nullsEqual) {
    this.left = left.toArray(new FieldVector[0]);
    this.right = right.toArray(new FieldVector[0]);
    this.nullsEqual = nullsEqual;
    this.comparators = new ValueComparator[this.left.length];
    for (int k = 0; k < this.left.length; k++) {
      comparators[k] = ValueComparator.of(this.left[k], this.right[k]);
    }
  }

  public boolean equal(int leftRow, int rightRow) {
    for (int k = 0; k < comparators.length; k++) {
      boolean ln = left[k].isNull(leftRow);
      boolean rn = right[k].isNull(rightRow);
      if (ln || rn) {
        if (ln && rn && nullsEqual) {
          continue;
        }
        return false;
      }
      if (comparators[k].compare(leftRow, rightRow) != 0) {
        return false;
      }
    }
    return true;
  }

  /** True if any key of the row is null (such rows never match in a join). */
  public static boolean anyNull(List<FieldVector> keys, int row) {
    for (FieldVector v : keys) {
      if (v.isNull(row)) {
        return true;
      }
    }
    return false;
  }
}
