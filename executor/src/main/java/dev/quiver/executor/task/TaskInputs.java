package dev.quiver.executor.task;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.operators.Operator;
import dev.quiver.executor.operators.join.BroadcastHashTables;
import dev.quiver.executor.shuffle.KeyBloomFilter;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Where a task's non-file input comes from; provided by the process that runs it (the driver in local mode,
 * a worker in cluster mode), which knows where map outputs, broadcasts and cached partitions live.
 */
public interface TaskInputs {
  /** Reads reduce partition {@code partition} of the shuffle written by map stage {@code stageId}. */
  Operator shuffleRead(int stageId, int partition, BufferAllocator allocator);

  /**
   * All rows of broadcast stage {@code stageId}. The batches are shared by the tasks of this process and
   * owned by the provider: callers must not close them (copy or slice what they keep).
   */
  List<Batch> broadcast(int stageId);

  /**
   * The hash tables over broadcast stage {@code stageId}'s rows that this process's tasks share, owned (and
   * closed) with the rows; null when the provider keeps none, and each task builds its own.
   */
  default BroadcastHashTables broadcastTables(int stageId) {
    return null;
  }

  /**
   * The Bloom filter map stage {@code stageId} records the keys it writes into (one side of a shuffled join
   * whose other side is filtered by them), or null.
   */
  default KeyBloomFilter joinKeysOf(int stageId) {
    return null;
  }

  /**
   * The other side's join keys, which the rows map stage {@code stageId} writes must be among, or null. Its
   * recording stage has finished before this stage starts.
   */
  default KeyBloomFilter joinKeysFor(int stageId) {
    return null;
  }

  /** Reads partition {@code partition} of cached DataFrame {@code cacheId}. */
  Operator cached(long cacheId, int partition, BufferAllocator allocator);
}
