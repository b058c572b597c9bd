package dev.quiver.planner.parser;

import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.logical.LogicalPlan;
import java.util.List;

/**
 * The clauses of one {@code SELECT ... FROM ... WHERE ... GROUP BY ... HAVING ...}, kept apart until the
 * ORDER BY that follows is known, because ORDER BY may refer to the select list by alias or position and to
 * aggregates. {@code from} is null without FROM; {@code groupBy} is null without GROUP BY.
 */
record SelectCore(boolean distinct, List<Expression> items, LogicalPlan from, Expression where,
    List<Expression> groupBy, boolean groupByAll, Expression having) {

  SelectCore {
    items = List.copyOf(items);
    groupBy = groupBy == null ? null : List.copyOf(groupBy);
  }
}
