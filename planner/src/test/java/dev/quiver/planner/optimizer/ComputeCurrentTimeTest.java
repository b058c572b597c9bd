package dev.quiver.planner.optimizer;

import static dev.quiver.planner.optimizer.TestPlans.alias;
import static dev.quiver.planner.optimizer.TestPlans.col;
import static dev.quiver.planner.optimizer.TestPlans.eq;
import static dev.quiver.planner.optimizer.TestPlans.list;
import static dev.quiver.planner.optimizer.TestPlans.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Project;
import dev.quiver.sql.types.DataTypes;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ComputeCurrentTimeTest {
  // 2024-03-01T23:30:00Z: already 2024-03-02 in Tokyo.
  private static final long START_MICROS =
      LocalDateTime.of(2024, 3, 1, 23, 30).toEpochSecond(ZoneOffset.UTC) * 1_000_000L + 123L;

  @Test
  void replacesCurrentDateWithTheStartDayInTheSessionZone() {
    FileRelation t = scan("d DATE");
    LogicalPlan plan = new Filter(eq(col(t, "d"), ScalarFunction.of("current_date")), t);

    LogicalPlan utc = new ComputeCurrentTime(ZoneId.of("UTC"), START_MICROS).apply(plan);
    LogicalPlan tokyo = new ComputeCurrentTime(ZoneId.of("Asia/Tokyo"), START_MICROS).apply(plan);

    int march1 = (int) LocalDate.of(2024, 3, 1).toEpochDay();
    assertEquals(new Filter(eq(col(t, "d"), new Literal(march1, DataTypes.DateType)), t), utc);
    assertEquals(new Filter(eq(col(t, "d"), new Literal(march1 + 1, DataTypes.DateType)), t), tokyo);
  }

  @Test
  void replacesEveryCurrentTimestampWithTheSameInstant() {
    FileRelation t = scan("a INT");
    Alias first = alias(ScalarFunction.of("current_timestamp"), "t1");
    Alias second = alias(ScalarFunction.of("current_timestamp"), "t2");
    LogicalPlan plan = new Project(list(first, second), t);

    LogicalPlan result = new ComputeCurrentTime(ZoneId.of("UTC"), START_MICROS).apply(plan);

    Literal start = new Literal(START_MICROS, DataTypes.TimestampType);
    assertEquals(new Project(list(new Alias(start, "t1", first.exprId()), new Alias(start, "t2", second.exprId())), t),
        result);
  }

  @Test
  void leavesOtherFunctionsAlone() {
    FileRelation t = scan("s STRING");
    LogicalPlan plan = new Project(list(alias(ScalarFunction.of("upper", col(t, "s")), "u")), t);

    assertSame(plan, new ComputeCurrentTime(OptimizerContext.forTests()).apply(plan));
  }
}
