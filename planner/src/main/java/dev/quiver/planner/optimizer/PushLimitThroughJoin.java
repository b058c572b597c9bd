package dev.quiver.planner.optimizer;

import dev.quiver.planner.logical.Join;
import dev.quiver.planner.logical.Limit;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Plans;

/**
 * Copies a limit into the side of a join that the join preserves row for row (Spark's LimitPushDown for
 * joins): every left row of a left outer join yields at least one output row, so n output rows need at most
 * n left rows. Without a condition, every join type needs at most n rows from each side it emits (a cross
 * product of non-empty sides is at least as large as either), and a semi or anti join at most n left rows.
 * The limit stays on top. Sides already proven small enough are left alone.
 *
 * <pre>
 * Limit 10                              Limit 10
 * +- Join LeftOuter (a#1 = b#2)   =>    +- Join LeftOuter (a#1 = b#2)
 *    :- A                                  :- Limit 10
 *    +- B                                  :  +- A
 *                                          +- B
 * </pre>
 */
public final class PushLimitThroughJoin implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return Plans.transformUp(plan, node -> {
      if (node instanceof Limit l && l.child() instanceof Join j) {
        Join pushed = push(l.limit(), j);
        return pushed == j ? l : new Limit(l.limit(), pushed);
      }
      return node;
    });
  }

  private static Join push(int n, Join j) {
    boolean pushLeft;
    boolean pushRight;
    boolean conditional = j.condition().isPresent();
    switch (j.joinType()) {
      case LEFT_OUTER:
        pushLeft = true;
        pushRight = !conditional;
        break;
      case RIGHT_OUTER:
        pushLeft = !conditional;
        pushRight = true;
        break;
      case INNER:
      case CROSS:
      case FULL_OUTER:
        pushLeft = !conditional;
        pushRight = !conditional;
        break;
      case LEFT_SEMI:
      case LEFT_ANTI:
        pushLeft = !conditional;
        pushRight = false;
        break;
      default:
        return j;
    }
    LogicalPlan left = pushLeft ? limited(n, j.left()) : j.left();
    LogicalPlan right = pushRight ? limited(n, j.right()) : j.right();
    if (left == j.left() && right == j.right()) {
      return j;
    }
    return new Join(left, right, j.joinType(), j.condition(), j.usingColumns());
  }

  private static LogicalPlan limited(int n, LogicalPlan side) {
    return MaxRows.atMost(side, n) ? side : new Limit(n, side);
  }
}
