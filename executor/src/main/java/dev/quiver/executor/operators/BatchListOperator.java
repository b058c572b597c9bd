package dev.quiver.executor.operators;

import dev.quiver.executor.batch.Batch;
import java.util.List;

/** Hands out batches it was given (and owns), skipping empty ones; closes those not handed out. */
public final class BatchListOperator implements Operator {
  private final List<Batch> batches;
  private int next;

  public BatchListOperator(List<Batch> batches) {
    this.batches = List.copyOf(batches);
  }

  @Override
  public Batch next() {
    while (next < batches.size()) {
      Batch b = batches.get(next++);
      if (b.rowCount() > 0) {
        return b;
      }
      b.close();
    }
    return null;
  }

  @Override
  public void close() {
    while (next < batches.size()) {
      batches.get(next++).close();
    }
  }
}
