package dev.quiver.formats;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Writes Arrow batches into one output file. {@link #write} does not take ownership of the batch.
 * {@link #close()} finishes the file (footer, flush); {@link #abort()} closes it without finishing, for a
 * task that failed, and the file must then be deleted by the commit protocol.
 */
public interface BatchWriter extends AutoCloseable {
  void write(VectorSchemaRoot batch);

  /** Rows written so far. */
  long rowCount();

  @Override
  void close();

  void abort();
}
