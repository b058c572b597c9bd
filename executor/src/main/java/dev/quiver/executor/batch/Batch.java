package dev.quiver.executor.batch;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Equal-length Arrow vectors: the unit operators hand to each other. A Batch owns its vectors; whoever holds
 * the batch closes it exactly once. Vectors have their value count set to {@link #rowCount()}.
 */
public final class Batch implements AutoCloseable {
  private final List<FieldVector> columns;
  private final int rowCount;
  private boolean closed;

  public Batch(List<FieldVector> columns, int rowCount) {
    this.columns = List.copyOf(columns);
    this.rowCount = rowCount;
    for (FieldVector v : this.columns) {
      if (v.getValueCount() != rowCount) {
        v.setValueCount(rowCount);
      }
    }
  }

  /** Takes ownership of a root's vectors (the root is left empty and may be closed). */
  public static Batch fromRoot(VectorSchemaRoot root, BufferAllocator allocator) {
    List<FieldVector> cols = new ArrayList<>();
    for (FieldVector v : root.getFieldVectors()) {
      TransferPair tp = v.getTransferPair(allocator);
      tp.transfer();
      cols.add((FieldVector) tp.getTo());
    }
    int rows = root.getRowCount();
    root.close();
    return new Batch(cols, rows);
  }

  /** A root over this batch's vectors, sharing them: closing the root closes this batch's vectors. */
  public VectorSchemaRoot asRoot() {
    List<Field> fields = new ArrayList<>();
    for (FieldVector v : columns) {
      fields.add(v.getField());
    }
    return new VectorSchemaRoot(new Schema(fields), new ArrayList<>(columns), rowCount);
  }

  /** The Arrow schema of this batch's columns. */
  public Schema asRootSchema() {
    List<Field> fields = new ArrayList<>();
    for (FieldVector v : columns) {
      fields.add(v.getField());
    }
    return new Schema(fields);
  }

  public int rowCount() {
    return rowCount;
  }

  public int numColumns() {
    return columns.size();
  }

  public FieldVector column(int i) {
    return columns.get(i);
  }

  public List<FieldVector> columns() {
    return columns;
  }

  public long sizeInBytes() {
    long total = 0;
    for (FieldVector v : columns) {
      total += v.getBufferSize();
    }
    return total;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      for (FieldVector v : columns) {
        v.close();
      }
    }
  }
}
