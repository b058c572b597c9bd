package dev.quiver.executor.operators.window;

import dev.quiver.sql.types.DataType;
import org.apache.arrow.vector.FieldVector;

/** One window expression, computed over a whole buffered partition at once. */
interface WindowFunction extends AutoCloseable {
  DataType resultType();

  /** How many argument columns this function buffers (after the order keys, in function order). */
  int argumentCount();

  /**
   * Writes the value of every row of the partition into {@code out} (a vector of {@link #resultType()} with
   * room for the partition), in row order. {@code firstArg} is the buffer column of its first argument.
   */
  void compute(WindowPartitionBuffer partition, int firstArg, FieldVector out);

  @Override
  default void close() {}
}
