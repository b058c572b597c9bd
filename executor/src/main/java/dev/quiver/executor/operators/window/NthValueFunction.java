package dev.quiver.executor.operators.window;

import dev.quiver.executor.operators.aggregate.HeapReservation;
import dev.quiver.executor.operators.aggregate.VectorRanges;
import dev.quiver.sql.types.DataType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

/**
 * {@code nth_value(input, n[, ignoreNulls])}, as Spark's NthValue: the input of the n-th row (1-based) of
 * each row's frame, null when the frame has fewer rows; with ignoreNulls the n-th non-null input of the
 * frame. Frames come from {@link FrameBounds}; a prefix count of non-null rows answers each frame in O(1).
 */
final class NthValueFunction implements WindowFunction {
  private final DataType type;
  private final long n;
  private final boolean ignoreNulls;
  private final FrameBounds bounds;
  private final HeapReservation heap;
  /** With ignoreNulls: the rows with a non-null input, in order, and per row how many come before it. */
  private int[] nonNullRows = new int[0];
  private int[] nonNullBefore = new int[0];

  NthValueFunction(DataType type, long n, boolean ignoreNulls, FrameBounds bounds, BufferAllocator allocator) {
    this.type = type;
    this.n = n;
    this.ignoreNulls = ignoreNulls;
    this.bounds = bounds;
    this.heap = new HeapReservation(allocator);
  }

  @Override
  public DataType resultType() {
    return type;
  }

  @Override
  public int argumentCount() {
    return 1;
  }

  @Override
  public void compute(WindowPartitionBuffer p, int firstArg, FieldVector out) {
    if (out instanceof NullVector) {
      return;
    }
    int rows = p.size();
    FieldVector input = p.column(firstArg);
    bounds.compute(p);
    int nonNull = ignoreNulls ? indexNonNull(input, rows) : 0;
    for (int i = 0; i < rows; i++) {
      int start = bounds.start[i];
      int end = bounds.end[i];
      long row;
      if (ignoreNulls) {
        long k = nonNullBefore[start] + n - 1;
        row = k < nonNull && nonNullRows[(int) k] < end ? nonNullRows[(int) k] : -1;
      } else {
        row = start + n - 1 < end ? start + n - 1 : -1;
      }
      if (row < 0 || input instanceof NullVector) {
        VectorRanges.setNull(out, i);
      } else {
        out.copyFromSafe((int) row, i, input);
      }
    }
  }

  private int indexNonNull(FieldVector input, int rows) {
    if (nonNullRows.length < rows + 1) {
      int size = Math.max(rows + 1, nonNullRows.length * 2);
      heap.resize(8L * size);
      nonNullRows = new int[size];
      nonNullBefore = new int[size];
    }
    int k = 0;
    boolean allNull = input instanceof NullVector;
    for (int i = 0; i < rows; i++) {
      nonNullBefore[i] = k;
      if (!allNull && !input.isNull(i)) {
        nonNullRows[k++] = i;
      }
    }
    nonNullBefore[rows] = k;
    return k;
  }

  @Override
  public void close() {
    heap.close();
  }
}
