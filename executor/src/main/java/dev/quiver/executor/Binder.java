package dev.quiver.executor;

import dev.quiver.planner.PlanningException;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.BoundReference;
import dev.quiver.planner.expressions.ExprId;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.ExpressionPrinter;
import dev.quiver.planner.expressions.Expressions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Replaces attributes by the position of the same column (by exprId) in an operator's input. */
public final class Binder {
  private Binder() {}

  public static Expression bind(Expression e, List<AttributeReference> input) {
    Map<ExprId, Integer> positions = new HashMap<>();
    for (int i = 0; i < input.size(); i++) {
      positions.putIfAbsent(input.get(i).exprId(), i);
    }
    return Expressions.transformUp(e, x -> {
      if (x instanceof AttributeReference a) {
        Integer pos = positions.get(a.exprId());
        if (pos == null) {
          throw new PlanningException("Internal error: the column " + ExpressionPrinter.explain(a)
              + " is not in the operator's input " + input);
        }
        AttributeReference in = input.get(pos);
        return new BoundReference(pos, in.dataType(), in.nullable());
      }
      return x;
    });
  }
}
