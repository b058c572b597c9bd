package dev.quiver.executor.operators;

import dev.quiver.executor.batch.Batch;

/** No rows. */
public final class EmptyOperator implements Operator {
  @Override
  public Batch next() {
    return null;
  }

  @Override
  public void close() {}
}
