package dev.quiver.driver.scheduler;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.operators.Operator;
import dev.quiver.executor.operators.join.BroadcastHashTables;
import dev.quiver.executor.shuffle.KeyBloomFilter;
import dev.quiver.executor.task.TaskInputs;
import dev.quiver.planner.stages.JoinKeyFilters;
import dev.quiver.planner.stages.StageId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A job's task inputs plus the key filters of its shuffled joins ({@link JoinKeyFilters}): one Bloom filter
 * per recording map stage, which its tasks fill and the filtered stage's tasks read. Tasks in this process use
 * them directly; for tasks on workers the launcher sends the filter with each filtered task and merges what
 * each recording task sends back.
 */
public final class JoinKeyInputs implements TaskInputs {
  private final TaskInputs inputs;
  private final Map<Integer, KeyBloomFilter> recorded = new HashMap<>();
  private final Map<Integer, KeyBloomFilter> filters = new HashMap<>();

  public JoinKeyInputs(TaskInputs inputs, JoinKeyFilters plan) {
    this.inputs = inputs;
    for (Map.Entry<StageId, StageId> e : plan.keysFrom().entrySet()) {
      KeyBloomFilter keys = recorded.computeIfAbsent(e.getValue().id(), id -> new KeyBloomFilter());
      filters.put(e.getKey().id(), keys);
    }
  }

  @Override
  public KeyBloomFilter joinKeysOf(int stageId) {
    return recorded.get(stageId);
  }

  @Override
  public KeyBloomFilter joinKeysFor(int stageId) {
    return filters.get(stageId);
  }

  @Override
  public Operator shuffleRead(int stageId, int partition, BufferAllocator allocator) {
    return inputs.shuffleRead(stageId, partition, allocator);
  }

  @Override
  public List<Batch> broadcast(int stageId) {
    return inputs.broadcast(stageId);
  }

  @Override
  public BroadcastHashTables broadcastTables(int stageId) {
    return inputs.broadcastTables(stageId);
  }

  @Override
  public Operator cached(long cacheId, int partition, BufferAllocator allocator) {
    return inputs.cached(cacheId, partition, allocator);
  }
}
