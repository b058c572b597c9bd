package dev.quiver.planner.physical;

import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Expressions;
import dev.quiver.planner.expressions.NamedExpression;
import dev.quiver.planner.expressions.WindowExpression;
import dev.quiver.planner.logical.Aggregate;
import dev.quiver.planner.logical.Plans;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans an Aggregate as PARTIAL -> exchange on the group keys -> FINAL (a single partition when there are no
 * keys), or, when any aggregate is DISTINCT, as exchange -> COMPLETE so that all rows of a group meet in
 * one task.
 */
final class AggregatePlanning {
  private AggregatePlanning() {}

  static PhysicalPlan plan(Aggregate a, PhysicalPlan child, int shufflePartitions) {
    List<Expression> grouping = PhysicalPlanner.namedGrouping(a.groupingExpressions());
    List<AttributeReference> groupingAttrs = Plans.toAttributes(grouping);

    List<AggregateCall> calls = new ArrayList<>();
    for (Expression e : a.aggregateExpressions()) {
      collectCalls(e, calls);
    }
    List<AttributeReference> aggAttrs = new ArrayList<>();
    for (AggregateCall c : calls) {
      aggAttrs.add(AttributeReference.create(c.sql(), c.dataType(), c.nullable()));
    }
    List<Expression> results = new ArrayList<>();
    for (Expression e : a.aggregateExpressions()) {
      results.add(rewriteResult(e, a.groupingExpressions(), groupingAttrs, calls, aggAttrs));
    }

    boolean distinct = calls.stream().anyMatch(AggregateCall::distinct);
    if (distinct) {
      List<Expression> keys = new ArrayList<>(a.groupingExpressions());
      PhysicalPlan clustered = Distribution.ensureClustered(child, keys, shufflePartitions);
      return new HashAggregateExec(AggregateMode.COMPLETE, grouping, calls, aggAttrs, List.of(), results, clustered);
    }
    List<AttributeReference> buffers = AggregateBuffers.attributesFor(calls);
    PhysicalPlan partial = new HashAggregateExec(AggregateMode.PARTIAL, grouping, calls, aggAttrs, buffers, results,
        child);
    List<Expression> keys = new ArrayList<>(groupingAttrs);
    PhysicalPlan exchanged = keys.isEmpty()
        ? new ShuffleExchangeExec(new Partitioning.Single(), partial)
        : new ShuffleExchangeExec(new Partitioning.Hash(keys, shufflePartitions), partial);
    return new HashAggregateExec(AggregateMode.FINAL, new ArrayList<>(groupingAttrs), calls, aggAttrs, buffers,
        results, exchanged);
  }

  private static void collectCalls(Expression e, List<AggregateCall> calls) {
    if (e instanceof WindowExpression) {
      return;
    }
    if (e instanceof AggregateCall c) {
      for (AggregateCall seen : calls) {
        if (Expressions.semanticEquals(seen, c)) {
          return;
        }
      }
      calls.add(c);
      return;
    }
    for (Expression child : e.children()) {
      collectCalls(child, calls);
    }
  }

  /** The output expression over grouping attributes and aggregate results instead of input columns. */
  private static Expression rewriteResult(Expression e, List<Expression> groupingExprs,
      List<AttributeReference> groupingAttrs, List<AggregateCall> calls, List<AttributeReference> aggAttrs) {
    Expression body = e instanceof Alias al ? al.child() : e;
    Expression rewritten = Expressions.transformDown(body, x -> {
      if (x instanceof AggregateCall c) {
        for (int i = 0; i < calls.size(); i++) {
          if (Expressions.semanticEquals(calls.get(i), c)) {
            return aggAttrs.get(i);
          }
        }
      }
      for (int i = 0; i < groupingExprs.size(); i++) {
        if (Expressions.semanticEquals(groupingExprs.get(i), x)) {
          return groupingAttrs.get(i);
        }
      }
      return x;
    });
    if (e instanceof Alias al) {
      return new Alias(rewritten, al.name(), al.exprId());
    }
    if (e instanceof NamedExpression n && rewritten instanceof AttributeReference r) {
      return r.exprId().equals(n.exprId()) ? r : new Alias(r, n.name(), n.exprId());
    }
    return rewritten;
  }
}
