package dev.quiver.executor.expressions;

import java.time.ZoneId;
import org.apache.arrow.memory.BufferAllocator;

/**
 * What evaluation needs besides the input: the allocator results are allocated from (the task's), the
 * session time zone (for timestamp text and date extraction), the query's fixed "now"
 * (current_date/current_timestamp give one value per query), and the index of the partition the task computes
 * (spark_partition_id, monotonically_increasing_id, and the per-partition seeds of rand/randn).
 */
public record EvalContext(BufferAllocator allocator, ZoneId timeZone, long queryStartMicros, int partitionIndex) {

  /** A context outside any task (constant folding, tests): partition 0. */
  public EvalContext(BufferAllocator allocator, ZoneId timeZone, long queryStartMicros) {
    this(allocator, timeZone, queryStartMicros, 0);
  }
}
