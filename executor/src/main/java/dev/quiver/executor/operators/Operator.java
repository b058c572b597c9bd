package dev.quiver.executor.operators;

import dev.quiver.executor.batch.Batch;

/**
 * A physical operator instance of one task: pulls batches from its inputs and hands out its own, one at a
 * time. Work starts on the first {@link #next()}; the caller owns every returned batch and closes it.
 * {@link #close()} releases everything the operator still holds (hash tables, buffered batches, its inputs),
 * and is safe to call at any point, also before the end (limit reached, task cancelled or failed).
 */
public interface Operator extends AutoCloseable {
  /** The next non-empty batch, or null when there are no more rows. */
  Batch next();

  @Override
  void close();
}
