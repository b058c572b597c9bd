package dev.quiver.executor.operators;

import dev.quiver.executor.batch.Batch;
import java.util.List;
import java.util.function.Supplier;

/**
 * The rows of several inputs one after another, opening each input only when the previous one is done
 * (coalesce, and unions within one task).
 */
public final class ConcatOperator implements Operator {
  private final List<Supplier<Operator>> inputs;
  private int index;
  private Operator current;

  public ConcatOperator(List<Supplier<Operator>> inputs) {
    this.inputs = List.copyOf(inputs);
  }

  @Override
  public Batch next() {
    while (true) {
      if (current == null) {
        if (index >= inputs.size()) {
          return null;
        }
        current = inputs.get(index++).get();
      }
      Batch b = current.next();
      if (b != null) {
        return b;
      }
      current.close();
      current = null;
    }
  }

  @Override
  public void close() {
    if (current != null) {
      Operator c = current;
      current = null;
      c.close();
    }
    index = inputs.size();
  }
}
