package dev.quiver.driver.io;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.batch.InternalValues;
import dev.quiver.sql.QuiverException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.util.TransferPair;

/** Decodes the Arrow IPC streams tasks return: into owned batches, or into rows of internal values. */
public final class IpcBatches {
  private IpcBatches() {}

  public static List<Batch> decode(byte[] ipcStream, BufferAllocator allocator) {
    List<Batch> out = new ArrayList<>();
    try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(ipcStream), allocator)) {
      while (reader.loadNextBatch()) {
        VectorSchemaRoot root = reader.getVectorSchemaRoot();
        List<FieldVector> cols = new ArrayList<>();
        for (FieldVector v : root.getFieldVectors()) {
          TransferPair tp = v.getTransferPair(allocator);
          tp.transfer();
          cols.add((FieldVector) tp.getTo());
        }
        out.add(new Batch(cols, root.getRowCount()));
      }
    } catch (IOException e) {
      out.forEach(Batch::close);
      throw new QuiverException("Could not decode a task's result stream: " + e.getMessage(), e);
    }
    return out;
  }

  /** Appends every row of the stream to {@code rows}, values in internal form. */
  public static void readRows(byte[] ipcStream, BufferAllocator allocator, List<Object[]> rows) {
    try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(ipcStream), allocator)) {
      while (reader.loadNextBatch()) {
        VectorSchemaRoot root = reader.getVectorSchemaRoot();
        List<FieldVector> cols = root.getFieldVectors();
        int n = root.getRowCount();
        for (int r = 0; r < n; r++) {
          Object[] row = new Object[cols.size()];
          for (int c = 0; c < row.length; c++) {
            row[c] = InternalValues.read(cols.get(c), r);
          }
          rows.add(row);
        }
      }
    } catch (IOException e) {
      throw new QuiverException("Could not decode a task's result stream: " + e.getMessage(), e);
    }
  }
}
