package dev.quiver.executor.expressions;

import java.time.ZoneId;
import org.apache.arrow.memory.BufferAllocator;

/**
 * What evaluation needs besides the input: the allocator results are allocated from (the task's), the
 * session time zone (for timestamp text and date extraction), and the query's fixed "now"
 * (current_date/current_timestamp give one value per query).
 */
public record EvalContext(BufferAllocator allocator, ZoneId timeZone, long queryStartMicros) {}
