package dev.quiver.planner.physical;

import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.logical.Join;
import dev.quiver.planner.logical.JoinType;
import dev.quiver.planner.logical.SizeEstimator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the join operator: a broadcast hash join when the side that may be built is under the broadcast
 * threshold, a shuffled hash join on the equi-join keys otherwise, and a broadcast nested-loop join when
 * there are no equality keys.
 */
final class JoinPlanning {
  private JoinPlanning() {}

  static PhysicalPlan plan(Join j, PhysicalPlan left, PhysicalPlan right, PlanningSettings settings) {
    JoinType type = j.joinType();
    PhysicalPlanner.JoinKeys keys = PhysicalPlanner.extractKeys(j.condition(), j.left().output(), j.right().output());
    long leftSize = SizeEstimator.estimate(j.left());
    long rightSize = SizeEstimator.estimate(j.right());
    long threshold = settings.autoBroadcastJoinThreshold();
    boolean canBuildLeft = type == JoinType.INNER || type == JoinType.CROSS || type == JoinType.RIGHT_OUTER;
    boolean canBuildRight = type != JoinType.RIGHT_OUTER;

    if (keys.left().isEmpty()) {
      BuildSide side = type == JoinType.RIGHT_OUTER ? BuildSide.LEFT : BuildSide.RIGHT;
      if ((type == JoinType.INNER || type == JoinType.CROSS) && leftSize < rightSize) {
        side = BuildSide.LEFT;
      }
      PhysicalPlan l = side == BuildSide.LEFT ? new BroadcastExchangeExec(left) : left;
      PhysicalPlan r = side == BuildSide.RIGHT ? new BroadcastExchangeExec(right) : right;
      if (type == JoinType.FULL_OUTER) {
        // Unmatched build rows are emitted once, so the streamed side must be a single task.
        l = Distribution.ensureSingle(l);
      }
      return new NestedLoopJoinExec(type, side, j.condition(), l, r);
    }

    boolean broadcastRight = canBuildRight && type != JoinType.FULL_OUTER && rightSize <= threshold;
    boolean broadcastLeft = canBuildLeft && type != JoinType.FULL_OUTER && leftSize <= threshold;
    if (broadcastRight && broadcastLeft) {
      broadcastLeft = leftSize < rightSize;
      broadcastRight = !broadcastLeft;
    }
    if (broadcastRight) {
      return new HashJoinExec(keys.left(), keys.right(), type, BuildSide.RIGHT, keys.rest(), true, left,
          new BroadcastExchangeExec(right));
    }
    if (broadcastLeft) {
      return new HashJoinExec(keys.left(), keys.right(), type, BuildSide.LEFT, keys.rest(), true,
          new BroadcastExchangeExec(left), right);
    }
    int n = settings.shufflePartitionsFor(leftSize + rightSize);
    Partitioning lp = Distribution.outputPartitioning(left);
    if (lp instanceof Partitioning.Hash h && sameKeys(h.expressions(), keys.left())) {
      n = h.numPartitions();
    }
    PhysicalPlan l = coPartition(left, keys.left(), n);
    PhysicalPlan r = coPartition(right, keys.right(), n);
    BuildSide side;
    if (type == JoinType.RIGHT_OUTER) {
      side = BuildSide.LEFT;
    } else if ((type == JoinType.INNER || type == JoinType.CROSS) && leftSize < rightSize) {
      side = BuildSide.LEFT;
    } else {
      side = BuildSide.RIGHT;
    }
    return new HashJoinExec(keys.left(), keys.right(), type, side, keys.rest(), false, l, r);
  }

  /** Hash-partitions on exactly these keys in this order, so both sides of the join line up. */
  private static PhysicalPlan coPartition(PhysicalPlan child, List<Expression> keys, int n) {
    Partitioning p = Distribution.outputPartitioning(child);
    if (p instanceof Partitioning.Hash h && h.numPartitions() == n && sameKeys(h.expressions(), keys)) {
      return child;
    }
    return new ShuffleExchangeExec(new Partitioning.Hash(keys, n), child);
  }

  private static boolean sameKeys(List<Expression> a, List<Expression> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!dev.quiver.planner.expressions.Expressions.semanticEquals(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

}
