package dev.quiver.planner.optimizer;

import dev.quiver.planner.expressions.And;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Comparison;
import dev.quiver.planner.expressions.ComparisonOp;
import dev.quiver.planner.expressions.ExprId;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.In;
import dev.quiver.planner.expressions.IsNotNull;
import dev.quiver.planner.expressions.IsNull;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.Not;
import dev.quiver.planner.expressions.Or;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.planner.logical.FileRelation;
import dev.quiver.planner.logical.Filter;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Plans;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Hands a scan the conjuncts of the Filter above it that its reader can use to skip data (Parquet row
 * groups by statistics): comparisons of a data column with a non-null literal of its type, either way round;
 * IsNull and IsNotNull of a column; IN with a list of non-null literals; {@code startswith(column, literal)};
 * and AND, OR and NOT of those. The Filter stays above: pushed filters are advisory, a reader may still
 * return rows that do not match. Partition columns are not in the files and are left to PrunePartitions.
 *
 * <pre>
 * Filter ((a#1 > 5) AND (upper(s#2) = 'X'))        Filter ((a#1 > 5) AND (upper(s#2) = 'X'))
 * +- FileRelation [a#1, s#2]                 =>    +- FileRelation [a#1, s#2], pushed [(a#1 > 5)]
 * </pre>
 */
public final class PushFiltersIntoScan implements Rule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return Plans.transformUp(plan, node -> node instanceof Filter f ? push(f) : node);
  }

  private static LogicalPlan push(Filter f) {
    Optional<ScanFilters> scan = ScanFilters.under(f);
    if (scan.isEmpty()) {
      return f;
    }
    Set<ExprId> partitionColumns = scan.get().partitionColumns();
    List<Expression> pushed = new ArrayList<>();
    for (Expression c : scan.get().conjuncts()) {
      if (readerUnderstands(c, partitionColumns)) {
        pushed.add(c);
      }
    }
    FileRelation relation = scan.get().relation();
    return pushed.equals(relation.pushedFilters()) ? f : scan.get().over(relation.withPushedFilters(pushed));
  }

  private static boolean readerUnderstands(Expression e, Set<ExprId> partitionColumns) {
    if (e instanceof And a) {
      return readerUnderstands(a.left(), partitionColumns) && readerUnderstands(a.right(), partitionColumns);
    }
    if (e instanceof Or o) {
      return readerUnderstands(o.left(), partitionColumns) && readerUnderstands(o.right(), partitionColumns);
    }
    if (e instanceof Not n) {
      return readerUnderstands(n.child(), partitionColumns);
    }
    if (e instanceof IsNull n) {
      return isDataColumn(n.child(), partitionColumns);
    }
    if (e instanceof IsNotNull n) {
      return isDataColumn(n.child(), partitionColumns);
    }
    if (e instanceof Comparison c) {
      // The readers' comparisons are =, <, <=, >, >=; a null-safe equality has no reader form.
      boolean readerOp = c.op() != ComparisonOp.NULL_SAFE_EQ;
      return readerOp && (columnAndValue(c.left(), c.right(), partitionColumns)
          || columnAndValue(c.right(), c.left(), partitionColumns));
    }
    if (e instanceof In in) {
      for (Expression v : in.list()) {
        if (!isValueFor(v, in.value())) {
          return false;
        }
      }
      return isDataColumn(in.value(), partitionColumns);
    }
    if (e instanceof ScalarFunction fn && fn.name().equals("startswith") && fn.args().size() == 2) {
      return columnAndValue(fn.args().get(0), fn.args().get(1), partitionColumns);
    }
    return false;
  }

  private static boolean columnAndValue(Expression column, Expression value, Set<ExprId> partitionColumns) {
    return isDataColumn(column, partitionColumns) && isValueFor(value, column);
  }

  private static boolean isDataColumn(Expression e, Set<ExprId> partitionColumns) {
    return e instanceof AttributeReference a && !partitionColumns.contains(a.exprId());
  }

  private static boolean isValueFor(Expression value, Expression column) {
    return value instanceof Literal l && !l.isNull() && l.dataType().equals(column.dataType());
  }
}
