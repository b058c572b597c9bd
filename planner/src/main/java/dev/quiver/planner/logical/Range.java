package dev.quiver.planner.logical;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.sql.types.DataTypes;
import java.util.List;

/** {@code spark.range(start, end, step, numSlices)}: one non-null bigint column {@code id}. */
public record Range(long start, long end, long step, int numSlices, List<AttributeReference> output)
    implements LogicalPlan {

  public Range {
    if (step == 0) {
      throw new IllegalArgumentException("The step of a range must not be 0");
    }
    output = List.copyOf(output);
  }

  public static Range of(long start, long end, long step, int numSlices) {
    return new Range(start, end, step, numSlices, List.of());
  }

  public Range withFreshOutput() {
    return new Range(start, end, step, numSlices,
        List.of(AttributeReference.create("id", DataTypes.LongType, false)));
  }

  /** Number of values, without overflow for extreme bounds. */
  public long count() {
    java.math.BigInteger span = java.math.BigInteger.valueOf(end).subtract(java.math.BigInteger.valueOf(start));
    java.math.BigInteger s = java.math.BigInteger.valueOf(step);
    if (span.signum() != 0 && span.signum() != s.signum()) {
      return 0;
    }
    java.math.BigInteger[] qr = span.divideAndRemainder(s);
    java.math.BigInteger n = qr[0].add(qr[1].signum() != 0 ? java.math.BigInteger.ONE : java.math.BigInteger.ZERO);
    return n.min(java.math.BigInteger.valueOf(Long.MAX_VALUE)).longValue();
  }

  @Override
  public boolean resolved() {
    return output.size() == 1;
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of();
  }

  @Override
  public LogicalPlan withChildren(List<LogicalPlan> newChildren) {
    Leaf.checkNoChildren(newChildren, "Range");
    return this;
  }

  @Override
  public List<Expression> expressions() {
    return List.of();
  }

  @Override
  public LogicalPlan withExpressions(List<Expression> newExpressions) {
    return this;
  }

  @Override
  public <R> R accept(LogicalPlanVisitor<R> visitor) {
    return visitor.visitRange(this);
  }
}
