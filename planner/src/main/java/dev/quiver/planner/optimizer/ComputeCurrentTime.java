package dev.quiver.planner.optimizer;

import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.sql.types.DataTypes;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Replaces {@code current_date()} and {@code current_timestamp()} with the query's start time, so every
 * occurrence in one query sees the same value (as in Spark). The date is the day of that instant in the
 * session time zone; the timestamp is the instant in microseconds.
 *
 * <pre>
 * Filter (d#1 = current_date())         Filter (d#1 = DATE '2024-03-01')
 * +- FileRelation [d#1]           =>    +- FileRelation [d#1]
 * </pre>
 */
public final class ComputeCurrentTime implements Rule {
  private final Literal currentDate;
  private final Literal currentTimestamp;

  public ComputeCurrentTime(ZoneId timeZone, long queryStartMicros) {
    Instant start = Instant.ofEpochSecond(Math.floorDiv(queryStartMicros, 1_000_000L),
        Math.floorMod(queryStartMicros, 1_000_000L) * 1_000L);
    int days = Math.toIntExact(start.atZone(timeZone).toLocalDate().toEpochDay());
    this.currentDate = new Literal(days, DataTypes.DateType);
    this.currentTimestamp = new Literal(queryStartMicros, DataTypes.TimestampType);
  }

  public ComputeCurrentTime(OptimizerContext context) {
    this(context.timeZone(), context.queryStartMicros());
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return PlanExpressions.transformUp(plan, this::replace);
  }

  private Expression replace(Expression e) {
    if (e instanceof ScalarFunction f && f.args().isEmpty()) {
      switch (f.name()) {
        case "current_date":
          return currentDate;
        case "current_timestamp":
          return currentTimestamp;
        default:
          return e;
      }
    }
    return e;
  }
}
