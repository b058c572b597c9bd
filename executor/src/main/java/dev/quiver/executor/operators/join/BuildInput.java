package dev.quiver.executor.operators.join;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.operators.Operator;
import java.util.List;

/**
 * Where a join's build side comes from: an operator the join owns, drains and closes (a shuffled join), or
 * the broadcast batches shared by every task of the process (see
 * {@link dev.quiver.executor.task.TaskInputs#broadcast}), which the join reads in place and never closes.
 */
public sealed interface BuildInput permits BuildInput.Owned, BuildInput.Broadcast {

  /** Rows pulled from an operator; the join closes the operator and every batch it received. */
  record Owned(Operator operator) implements BuildInput {}

  /**
   * Shared batches owned by their provider: read without copying, never closed by the join. {@code tables}
   * holds the hash tables over them that the process's tasks share, or is null when each task builds its own.
   */
  record Broadcast(List<Batch> batches, BroadcastHashTables tables) implements BuildInput {
    public Broadcast {
      batches = List.copyOf(batches);
    }
  }

  static BuildInput of(Operator operator) {
    return new Owned(operator);
  }

  static BuildInput broadcast(List<Batch> batches) {
    return new Broadcast(batches, null);
  }

  static BuildInput broadcast(List<Batch> batches, BroadcastHashTables tables) {
    return new Broadcast(batches, tables);
  }
}
