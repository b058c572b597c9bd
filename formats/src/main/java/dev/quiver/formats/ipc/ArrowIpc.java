package dev.quiver.formats.ipc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.ReadableByteChannel;
import java.util.Iterator;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Arrow IPC stream helpers for the shuffle and for moving results between processes. Writers never take
 * ownership of batches; readers hand out batches the caller owns (see {@link IpcStreamReader}).
 */
public final class ArrowIpc {
  private ArrowIpc() {}

  /** A writer that appends batches to {@code out} as one IPC stream; close it to end the stream. */
  public static IpcStreamWriter openWriter(Schema schema, OutputStream out, IpcCompression compression) {
    return new IpcStreamWriter(schema, out, compression);
  }

  /**
   * Writes {@code batches} as one complete IPC stream (also when there are none) and flushes; {@code out}
   * stays open.
   *
   * @return the bytes written
   */
  public static long writeStream(Iterator<VectorSchemaRoot> batches, Schema schema, OutputStream out,
      IpcCompression compression) {
    try (IpcStreamWriter writer = new IpcStreamWriter(schema, out, compression)) {
      while (batches.hasNext()) {
        writer.write(batches.next());
      }
      writer.finish();
      return writer.bytesWritten();
    }
  }

  public static long writeStream(Iterable<VectorSchemaRoot> batches, Schema schema, OutputStream out) {
    return writeStream(batches.iterator(), schema, out, IpcCompression.NONE);
  }

  /** A reader over one IPC stream; it closes {@code in} when closed. */
  public static IpcStreamReader readStream(InputStream in, BufferAllocator allocator) {
    return new IpcStreamReader(in, allocator);
  }

  public static IpcStreamReader readStream(ReadableByteChannel in, BufferAllocator allocator) {
    return new IpcStreamReader(in, allocator);
  }

  /** One batch as a complete, uncompressed IPC stream message. */
  public static byte[] toBytes(VectorSchemaRoot batch) {
    return toBytes(batch, IpcCompression.NONE);
  }

  public static byte[] toBytes(VectorSchemaRoot batch, IpcCompression compression) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (IpcStreamWriter writer = new IpcStreamWriter(batch.getSchema(), out, compression)) {
      writer.write(batch);
    }
    return out.toByteArray();
  }

  /**
   * The batch of a single-batch stream made by {@link #toBytes}, owned by the caller; a stream without
   * batches gives an empty batch of its schema.
   *
   * @throws IllegalArgumentException when the stream holds more than one batch
   */
  public static VectorSchemaRoot fromBytes(byte[] bytes, BufferAllocator allocator) {
    try (IpcStreamReader reader = new IpcStreamReader(new ByteArrayInputStream(bytes), allocator)) {
      VectorSchemaRoot first = reader.next();
      if (first == null) {
        return VectorSchemaRoot.create(reader.schema(), allocator);
      }
      VectorSchemaRoot second = reader.next();
      if (second != null) {
        second.close();
        first.close();
        throw new IllegalArgumentException("Expected an Arrow IPC message with one batch, but it holds more; "
            + "read it with ArrowIpc.readStream instead");
      }
      return first;
    }
  }
}
