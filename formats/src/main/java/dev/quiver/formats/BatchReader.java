package dev.quiver.formats;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Reads one split as Arrow batches. Each call to {@link #next()} returns a new root that the caller owns
 * and must close; null means the split is done. {@link #close()} releases files and any buffers the reader
 * still holds, also when called before the end.
 */
public interface BatchReader extends AutoCloseable {
  VectorSchemaRoot next();

  @Override
  void close();
}
