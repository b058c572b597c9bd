package dev.quiver.executor.operators.window;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.batch.Vectors;
import dev.quiver.executor.operators.aggregate.VectorRanges;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * An input batch waiting for the window values of its rows: those arrive partition by partition, in row
 * order, and the batch leaves (its columns plus the window columns) once every row has them.
 */
final class PendingBatch implements AutoCloseable {
  private Batch input;
  private final List<FieldVector> window = new ArrayList<>();
  private int written;

  PendingBatch(Batch input, List<WindowFunction> functions, BufferAllocator allocator) {
    this.input = input;
    try {
      for (WindowFunction f : functions) {
        window.add(Vectors.create("window", f.resultType(), input.rowCount(), allocator));
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  int rowCount() {
    return input.rowCount();
  }

  int remaining() {
    return input.rowCount() - written;
  }

  boolean complete() {
    return written == input.rowCount();
  }

  /** Appends {@code count} values from rows {@code [from, ...)} of each function's partition result. */
  void write(List<FieldVector> results, int from, int count) {
    for (int f = 0; f < results.size(); f++) {
      VectorRanges.copy(results.get(f), from, window.get(f), written, count);
    }
    written += count;
  }

  /** The input columns followed by the window columns; this object gives up all of them. */
  Batch toOutput() {
    List<FieldVector> columns = new ArrayList<>(input.columns());
    for (FieldVector w : window) {
      w.setValueCount(input.rowCount());
      columns.add(w);
    }
    int rows = input.rowCount();
    input = null;
    window.clear();
    return new Batch(columns, rows);
  }

  @Override
  public void close() {
    if (input != null) {
      input.close();
      input = null;
    }
    window.forEach(FieldVector::close);
    window.clear();
  }
}
