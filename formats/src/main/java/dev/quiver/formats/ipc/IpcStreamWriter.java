package dev.quiver.formats.ipc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.util.Objects;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Writes one Arrow IPC stream (schema, record batches, end-of-stream marker) to an OutputStream. The schema
 * is written at once, so even a stream without batches is complete and readable. {@link #write} does not take
 * ownership of the batch: the caller may reuse or close it right after. {@link #close()} writes the
 * end-of-stream marker and flushes, but never closes the OutputStream, which stays the caller's (several
 * streams may follow each other in one file). Not thread-safe.
 */
public final class IpcStreamWriter implements AutoCloseable {
  private static final IpcOption OPTION = IpcOption.DEFAULT;

  private final Schema schema;
  private final WriteChannel channel;
  private final OutputStream flushTarget;
  private final CompressionCodec codec;
  private final long start;
  private long batches;
  private long rows;
  private boolean finished;

  public IpcStreamWriter(Schema schema, OutputStream out, IpcCompression compression) {
    this(schema, new WriteChannel(Channels.newChannel(out)), out, compression, serializeSchema(schema));
  }

  /** Continues on a channel shared by several streams; {@code schemaMessage} from {@link #serializeSchema}. */
  IpcStreamWriter(Schema schema, WriteChannel channel, OutputStream flushTarget, IpcCompression compression,
      byte[] schemaMessage) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.channel = channel;
    this.flushTarget = flushTarget;
    this.codec = Objects.requireNonNull(compression, "compression").codec();
    for (Field f : schema.getFields()) {
      if (f.getDictionary() != null) {
        throw new IllegalArgumentException("Dictionary-encoded field '" + f.getName()
            + "' cannot be written: Quiver's IPC streams carry plain vectors only");
      }
    }
    this.start = channel.getCurrentPosition();
    try {
      channel.write(schemaMessage);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the schema of an Arrow IPC stream: " + e.getMessage(), e);
    }
  }

  /** The encapsulated schema message, serialized once and reused for every stream with the same schema. */
  static byte[] serializeSchema(Schema schema) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      MessageSerializer.serialize(new WriteChannel(Channels.newChannel(bytes)), schema, OPTION);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not serialize an Arrow schema: " + e.getMessage(), e);
    }
    return bytes.toByteArray();
  }

  public Schema schema() {
    return schema;
  }

  /** Appends one batch; its fields must be the stream's. */
  public void write(VectorSchemaRoot batch) {
    if (finished) {
      throw new IllegalStateException("The Arrow IPC stream is already finished");
    }
    if (!batch.getSchema().getFields().equals(schema.getFields())) {
      throw new IllegalArgumentException("Batch schema " + batch.getSchema() + " does not match the stream's "
          + schema);
    }
    try (ArrowRecordBatch recordBatch = new VectorUnloader(batch, true, codec, true).getRecordBatch()) {
      MessageSerializer.serialize(channel, recordBatch, OPTION);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write a batch to an Arrow IPC stream: " + e.getMessage(), e);
    }
    batches++;
    rows += batch.getRowCount();
  }

  /** Writes the end-of-stream marker and flushes; further writes fail. Idempotent. */
  public void finish() {
    if (finished) {
      return;
    }
    finished = true;
    try {
      ArrowStreamWriter.writeEndOfStream(channel, OPTION);
      flushTarget.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not finish an Arrow IPC stream: " + e.getMessage(), e);
    }
  }

  /** Bytes of this stream so far, including the schema (and the end marker once finished). */
  public long bytesWritten() {
    return channel.getCurrentPosition() - start;
  }

  public long batchesWritten() {
    return batches;
  }

  public long rowsWritten() {
    return rows;
  }

  @Override
  public void close() {
    finish();
  }
}
