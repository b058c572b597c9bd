package dev.quiver.planner.optimizer;

import java.time.ZoneId;

/**
 * Per-query facts rules may use: how to fold constants, the session time zone, and the query's start time
 * (current_date and current_timestamp are fixed per query, as in Spark).
 */
public record OptimizerContext(ConstantEvaluator evaluator, ZoneId timeZone, long queryStartMicros) {
  public static OptimizerContext forTests() {
    return new OptimizerContext(ConstantEvaluator.NONE, ZoneId.of("UTC"), 0L);
  }
}
