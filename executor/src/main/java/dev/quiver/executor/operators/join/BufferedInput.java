package dev.quiver.executor.operators.join;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.operators.Operator;
import dev.quiver.executor.operators.Operators;
import java.util.ArrayList;
import java.util.List;

/**
 * An input some of whose batches were already read ahead: hands those out first, then goes on with the
 * input. Owns both: closing it closes the batches not handed out and the input.
 */
final class BufferedInput implements Operator {
  private final List<Batch> ahead;
  private final Operator rest;
  private int next;

  BufferedInput(List<Batch> ahead, Operator rest) {
    this.ahead = ahead;
    this.rest = rest;
  }

  @Override
  public Batch next() {
    if (next < ahead.size()) {
      Batch b = ahead.get(next);
      ahead.set(next++, null);
      return b;
    }
    return rest.next();
  }

  @Override
  public void close() {
    List<AutoCloseable> owned = new ArrayList<>();
    while (next < ahead.size()) {
      owned.add(ahead.get(next));
      ahead.set(next++, null);
    }
    owned.add(rest);
    Operators.closeAll(owned);
  }
}
