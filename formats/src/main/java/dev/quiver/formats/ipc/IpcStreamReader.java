package dev.quiver.formats.ipc;

import dev.quiver.formats.BatchReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Reads one Arrow IPC stream as independent batches. Arrow's reader loads every batch into one reused root;
 * this reader moves each batch's buffers out of it into a new root, so every root {@link #next()} returns is
 * the caller's to keep and close, whatever happens to the reader. Compressed streams (LZ4, ZSTD) are decoded.
 * The reader owns its input and closes it in {@link #close()}. Not thread-safe.
 */
public final class IpcStreamReader implements BatchReader {
  private final ArrowStreamReader reader;
  private final BufferAllocator allocator;
  private boolean done;

  public IpcStreamReader(InputStream in, BufferAllocator allocator) {
    this.reader = new ArrowStreamReader(in, allocator, IpcCompression.readerFactory());
    this.allocator = allocator;
  }

  public IpcStreamReader(ReadableByteChannel in, BufferAllocator allocator) {
    this.reader = new ArrowStreamReader(in, allocator, IpcCompression.readerFactory());
    this.allocator = allocator;
  }

  /** The stream's schema; reads the schema message if no batch was read yet. */
  public Schema schema() {
    try {
      return reader.getVectorSchemaRoot().getSchema();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the schema of an Arrow IPC stream: " + e.getMessage(), e);
    }
  }

  /** The next batch, owned by the caller; null at the end of the stream. */
  @Override
  public VectorSchemaRoot next() {
    if (done) {
      return null;
    }
    VectorSchemaRoot shared;
    try {
      shared = reader.getVectorSchemaRoot();
      for (Field f : shared.getSchema().getFields()) {
        if (f.getDictionary() != null) {
          throw new IllegalArgumentException("The Arrow IPC stream has a dictionary-encoded field '" + f.getName()
              + "', which Quiver does not read");
        }
      }
      if (!reader.loadNextBatch()) {
        done = true;
        return null;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read a batch of an Arrow IPC stream: " + e.getMessage(), e);
    }
    List<FieldVector> vectors = new ArrayList<>(shared.getFieldVectors().size());
    try {
      for (FieldVector v : shared.getFieldVectors()) {
        TransferPair transfer = v.getTransferPair(allocator);
        transfer.transfer();
        vectors.add((FieldVector) transfer.getTo());
      }
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
    return new VectorSchemaRoot(shared.getSchema(), vectors, shared.getRowCount());
  }

  /** Bytes consumed from the input so far. */
  public long bytesRead() {
    return reader.bytesRead();
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not close an Arrow IPC stream: " + e.getMessage(), e);
    }
  }
}
