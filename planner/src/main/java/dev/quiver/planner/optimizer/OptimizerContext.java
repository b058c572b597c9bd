package dev.quiver.planner.optimizer;

import java.time.ZoneId;

/**
 * Per-query facts rules may use: how to fold constants, the session time zone, the query's start time
 * (current_date and current_timestamp are fixed per query, as in Spark), and the largest creation side of a
 * runtime filter in estimated bytes (negative: no runtime filters; see {@link InjectRuntimeFilters}).
 */
public record OptimizerContext(ConstantEvaluator evaluator, ZoneId timeZone, long queryStartMicros,
    long runtimeFilterCreationSideThreshold) {
  public OptimizerContext(ConstantEvaluator evaluator, ZoneId timeZone, long queryStartMicros) {
    this(evaluator, timeZone, queryStartMicros, -1);
  }

  public static OptimizerContext forTests() {
    return new OptimizerContext(ConstantEvaluator.NONE, ZoneId.of("UTC"), 0L);
  }
}
