package dev.quiver.planner.logical;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.sql.types.StructField;
import java.util.List;

/**
 * Rough output sizes of logical plans, as Spark's default (non-CBO) statistics estimate them: scans scale
 * the files' bytes by the fraction of columns read, filters keep their input's size, projections scale by
 * row width, semi and anti joins their left side's. Used to choose broadcast joins, shuffle partition
 * counts and runtime filters.
 */
public final class SizeEstimator {
  private SizeEstimator() {}

  public static long estimate(LogicalPlan plan) {
    if (plan instanceof FileRelation f) {
      long all = Math.max(1, rowWidth(f.source().fullSchema().fieldList()));
      long read = Math.max(1, width(f.output()));
      return saturating(f.source().totalBytes(), read, all);
    }
    if (plan instanceof LocalRelation r) {
      return Math.max(1, r.rows().size() * (long) Math.max(1, width(r.output())));
    }
    if (plan instanceof Range r) {
      return Math.max(1, r.count() * 8);
    }
    if (plan instanceof Limit l) {
      return Math.min(estimate(l.child()), Math.max(1, (long) l.limit() * Math.max(1, width(l.output()))));
    }
    if (plan instanceof Aggregate a && a.groupingExpressions().isEmpty()) {
      return Math.max(1, width(a.output()));
    }
    if (plan instanceof Union u) {
      long total = 0;
      for (LogicalPlan c : u.children()) {
        total = addSaturating(total, estimate(c));
      }
      return total;
    }
    if (plan instanceof Join j) {
      // As Spark: a semi or anti join outputs at most its left side's rows.
      if (j.joinType() == JoinType.LEFT_SEMI || j.joinType() == JoinType.LEFT_ANTI) {
        return estimate(j.left());
      }
      return addSaturating(estimate(j.left()), estimate(j.right()));
    }
    if (plan.children().size() == 1) {
      LogicalPlan child = plan.children().get(0);
      long childWidth = Math.max(1, width(child.output()));
      return saturating(estimate(child), Math.max(1, width(plan.output())), childWidth);
    }
    long total = 0;
    for (LogicalPlan c : plan.children()) {
      total = addSaturating(total, estimate(c));
    }
    return Math.max(1, total);
  }

  private static long width(List<AttributeReference> attrs) {
    long w = 0;
    for (AttributeReference a : attrs) {
      w += a.dataType().defaultSize();
    }
    return w;
  }

  private static long rowWidth(List<StructField> fields) {
    long w = 0;
    for (StructField f : fields) {
      w += f.dataType().defaultSize();
    }
    return w;
  }

  private static long saturating(long value, long num, long den) {
    double r = (double) value * num / den;
    return r >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(1, (long) r);
  }

  private static long addSaturating(long a, long b) {
    long r = a + b;
    return r < 0 ? Long.MAX_VALUE : r;
  }
}
