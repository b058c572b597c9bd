package dev.quiver.formats.parquet;

import java.util.function.Supplier;
import org.apache.arrow.vector.FieldVector;

/**
 * One batch of a column that a pushed filter reads, as decoded for judging the filter: per row its dictionary
 * id, {@link #NULL} or {@link #PLAIN}; values are converted only for rows of plain-encoded pages (a chunk
 * whose dictionary overflowed). With the verdicts of the chunk's dictionary (one bit per entry and filter
 * leaf), a row is judged by one lookup and its string or double is converted only if the row passes.
 *
 * <p>Reused from batch to batch by one reader; it owns {@link #plainValues()} until {@link #reset} or
 * {@link #close}.
 */
final class CodedColumn implements AutoCloseable {
  /** The row is null. */
  static final int NULL = -1;
  /** The row's value is in {@link #plainValues()} at the row's slot. */
  static final int PLAIN = -2;

  private int[] codes = new int[0];
  private FieldVector plain;
  /** Per leaf of the filter: the entries of the current chunk's dictionary that pass, or null. */
  private long[][] verdicts;

  /** Makes room for a batch of {@code rows} and drops the previous batch's plain values. */
  void reset(int rows) {
    if (codes.length < rows) {
      codes = new int[Math.max(rows, 1024)];
    }
    close();
  }

  int[] codes() {
    return codes;
  }

  /** The vector of this batch's plain-encoded rows, made by {@code newVector} on first use. */
  FieldVector plain(Supplier<FieldVector> newVector) {
    if (plain == null) {
      plain = newVector.get();
    }
    return plain;
  }

  /** The values of this batch's {@link #PLAIN} rows, or null when it has none. */
  FieldVector plainValues() {
    return plain;
  }

  /** Sets the verdicts for the chunk being read (null when it has no dictionary). */
  void verdicts(long[][] byLeaf) {
    this.verdicts = byLeaf;
  }

  /** Which dictionary entries pass the leaf with this id, a bit per entry; null when there is no dictionary. */
  long[] verdict(int leaf) {
    return verdicts == null ? null : verdicts[leaf];
  }

  @Override
  public void close() {
    if (plain != null) {
      FieldVector v = plain;
      plain = null;
      v.close();
    }
  }
}
