package dev.quiver.planner.analysis;

import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.ExprId;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Expressions;
import dev.quiver.planner.logical.Join;
import dev.quiver.planner.logical.JoinType;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Project;
import dev.quiver.sql.AnalysisException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code left.join(right, usingColumns, type)}: an equi-join on the named columns whose output has each
 * key once and first — from the left side, from the right for a right join, and coalesced from both for a
 * full join — followed by the other left and right columns, as Spark does.
 */
final class UsingJoin {
  private UsingJoin() {}

  static LogicalPlan resolve(LogicalPlan left, LogicalPlan right, JoinType type, List<String> names,
      boolean caseSensitive) {
    List<AttributeReference> leftKeys = new ArrayList<>();
    List<AttributeReference> rightKeys = new ArrayList<>();
    List<Expression> conditions = new ArrayList<>();
    for (String name : names) {
      AttributeReference l = find(left.output(), name, "left", caseSensitive);
      AttributeReference r = find(right.output(), name, "right", caseSensitive);
      leftKeys.add(l);
      rightKeys.add(r);
      conditions.add(Analyzer.equalKeys(l, r));
    }
    Join join = Join.on(left, right, type, Optional.of(Expressions.conjunction(conditions)));
    Map<ExprId, AttributeReference> joined = new HashMap<>();
    for (AttributeReference a : join.output()) {
      joined.put(a.exprId(), a);
    }
    List<Expression> list = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      AttributeReference l = joined.getOrDefault(leftKeys.get(i).exprId(), leftKeys.get(i));
      switch (type) {
        case RIGHT_OUTER:
          list.add(joined.get(rightKeys.get(i).exprId()));
          break;
        case FULL_OUTER:
          list.add(new Alias(Analyzer.coalesceKeys(l, joined.get(rightKeys.get(i).exprId())),
              leftKeys.get(i).name()));
          break;
        default:
          list.add(l);
          break;
      }
    }
    Set<ExprId> keyIds = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      keyIds.add(leftKeys.get(i).exprId());
      keyIds.add(rightKeys.get(i).exprId());
    }
    for (AttributeReference a : join.output()) {
      if (!keyIds.contains(a.exprId())) {
        list.add(a);
      }
    }
    return new Project(list, join);
  }

  private static AttributeReference find(List<AttributeReference> output, String name, String side,
      boolean caseSensitive) {
    AttributeReference found = null;
    for (AttributeReference a : output) {
      if (caseSensitive ? a.name().equals(name) : a.name().equalsIgnoreCase(name)) {
        if (found != null && !found.exprId().equals(a.exprId())) {
          throw AnalysisErrors.ambiguousReference(List.of(name), List.of(found, a));
        }
        found = a;
      }
    }
    if (found == null) {
      List<String> cols = new ArrayList<>();
      for (AttributeReference a : output) {
        cols.add(AnalysisErrors.quoteId(a.name()));
      }
      throw new AnalysisException("UNRESOLVED_USING_COLUMN_FOR_JOIN", "USING column " + AnalysisErrors.quoteId(name)
          + " cannot be resolved on the " + side + " side of the join. The " + side + "-side columns: ["
          + String.join(", ", cols) + "].", "42703");
    }
    return found;
  }
}
