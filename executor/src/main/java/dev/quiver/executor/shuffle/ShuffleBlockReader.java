package dev.quiver.executor.shuffle;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.operators.Operator;
import dev.quiver.sql.QuiverException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Reads one reduce partition from a sequence of shuffle blocks (one Arrow IPC stream per map output), in
 * map order. Blocks are opened lazily; each returned batch is transferred out of the stream reader's reused
 * root, so the caller owns it.
 */
public final class ShuffleBlockReader implements Operator {
  /** Opens the bytes of one block: a local file range or a remote fetch. */
  @FunctionalInterface
  public interface BlockSource {
    InputStream open() throws IOException;
  }

  private final List<BlockSource> blocks;
  private final BufferAllocator allocator;
  private final Supplier<String> description;
  private int next;
  private ArrowStreamReader reader;
  private InputStream stream;

  public ShuffleBlockReader(List<BlockSource> blocks, BufferAllocator allocator, Supplier<String> description) {
    this.blocks = List.copyOf(blocks);
    this.allocator = allocator;
    this.description = description;
  }

  @Override
  public Batch next() {
    try {
      while (true) {
        if (reader == null) {
          if (next >= blocks.size()) {
            return null;
          }
          stream = blocks.get(next++).open();
          reader = new ArrowStreamReader(stream, allocator);
        }
        if (!reader.loadNextBatch()) {
          closeReader();
          continue;
        }
        VectorSchemaRoot root = reader.getVectorSchemaRoot();
        int rows = root.getRowCount();
        if (rows == 0) {
          continue;
        }
        List<FieldVector> cols = new ArrayList<>();
        for (FieldVector v : root.getFieldVectors()) {
          TransferPair tp = v.getTransferPair(allocator);
          tp.transfer();
          cols.add((FieldVector) tp.getTo());
        }
        return new Batch(cols, rows);
      }
    } catch (IOException e) {
      throw new QuiverException("SHUFFLE_READ_FAILED", "Could not read shuffle block " + next + " of "
          + description.get() + ": " + e.getMessage() + ". The map output may have been deleted or its worker "
          + "lost; the stage that wrote it must be re-run.", null, e);
    }
  }

  private void closeReader() throws IOException {
    if (reader != null) {
      reader.close();
      reader = null;
    }
    if (stream != null) {
      stream.close();
      stream = null;
    }
  }

  @Override
  public void close() {
    try {
      closeReader();
    } catch (IOException e) {
      throw new QuiverException("Could not close a shuffle block of " + description.get() + ": " + e.getMessage(), e);
    }
    next = blocks.size();
  }
}
