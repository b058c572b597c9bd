package dev.quiver.executor.operators;

import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.ExprId;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.logical.JoinType;
import dev.quiver.planner.physical.BuildSide;
import dev.quiver.planner.physical.FileScanExec;
import dev.quiver.planner.physical.FilterExec;
import dev.quiver.planner.physical.HashJoinExec;
import dev.quiver.planner.physical.PhysicalPlan;
import dev.quiver.planner.physical.ProjectExec;
import dev.quiver.sql.types.StructField;
import java.util.Optional;

/**
 * Finds the file scan column whose values a join key carries unchanged down the join's input (runtime key
 * filters): given the build side's keys, that scan may drop every row whose key the build lacks before
 * decoding its other columns, since such a row can reach no output. The path may pass through projections
 * that keep or rename the column, filters, and the kept side of inner and left semi joins; anything else
 * (a computed key, an aggregate, an exchange) ends it, and so does any nondeterministic expression on the way
 * ({@code monotonically_increasing_id()}, {@code rand()}): it would see other rows if the scan dropped some.
 */
final class JoinKeyScans {
  /** The scan node and the name of the data column it reads the key from. */
  record Target(FileScanExec scan, String column) {}

  private JoinKeyScans() {}

  /** The scan column {@code key} reads in {@code plan}'s output, or empty. */
  static Optional<Target> trace(PhysicalPlan plan, ExprId key) {
    if (plan instanceof FileScanExec scan) {
      for (AttributeReference a : scan.output()) {
        if (a.exprId().equals(key) && isDataColumn(scan, a.name())) {
          return Optional.of(new Target(scan, a.name()));
        }
      }
      return Optional.empty();
    }
    if (plan instanceof FilterExec f) {
      return f.condition().deterministic() ? trace(f.child(), key) : Optional.empty();
    }
    if (plan instanceof ProjectExec p) {
      if (!p.projectList().stream().allMatch(Expression::deterministic)) {
        return Optional.empty();
      }
      for (Expression e : p.projectList()) {
        if (e instanceof AttributeReference a && a.exprId().equals(key)) {
          return trace(p.child(), key);
        }
        if (e instanceof Alias alias && alias.exprId().equals(key) && alias.child() instanceof AttributeReference a) {
          return trace(p.child(), a.exprId());
        }
      }
      return Optional.empty();
    }
    if (plan instanceof HashJoinExec j && (j.joinType() == JoinType.INNER || j.joinType() == JoinType.LEFT_SEMI)
        && j.condition().map(Expression::deterministic).orElse(true)) {
      // Dropping rows of either input of these joins only drops output rows that carry the dropped keys.
      if (produces(j.left(), key)) {
        return trace(j.left(), key);
      }
      return j.joinType() == JoinType.INNER && produces(j.right(), key) ? trace(j.right(), key) : Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * Whether a join drops every row of its stream input whose key has no build row: then the scan feeding
   * that input may drop them first.
   */
  static boolean dropsUnmatchedStreamRows(HashJoinExec join) {
    return join.joinType() == JoinType.INNER
        || join.joinType() == JoinType.LEFT_SEMI && join.buildSide() == BuildSide.RIGHT;
  }

  private static boolean produces(PhysicalPlan plan, ExprId key) {
    return plan.output().stream().anyMatch(a -> a.exprId().equals(key));
  }

  private static boolean isDataColumn(FileScanExec scan, String name) {
    for (StructField f : scan.source().partitionSchema().fieldList()) {
      if (f.name().equals(name)) {
        return false;
      }
    }
    return scan.source().dataSchema().fieldList().stream().anyMatch(f -> f.name().equals(name));
  }
}
