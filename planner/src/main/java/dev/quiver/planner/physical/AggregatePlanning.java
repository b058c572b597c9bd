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
import java.util.Collections;
import java.util.List;

/**
 * Plans an Aggregate as PARTIAL -> exchange on the group keys -> FINAL (a single partition when there are no
 * keys). DISTINCT aggregates without group keys that share their arguments, over an input of several
 * partitions, get Spark's two-level plan (see {@link #planGlobalDistinct}); others are computed by one COMPLETE
 * aggregation after an exchange on the group keys, if one is needed.
 */
final class AggregatePlanning {
  private AggregatePlanning() {}

  /**
   * {@code shufflePartitions} for the exchange on the group keys; {@code distinctPartitions} for the
   * exchanges DISTINCT aggregates need, whose reading side does the work of making rows distinct.
   */
  static PhysicalPlan plan(Aggregate a, PhysicalPlan child, int shufflePartitions, int distinctPartitions) {
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
      PhysicalPlan clustered = Distribution.ensureClustered(child, keys, distinctPartitions);
      List<Expression> distinctArgs = sharedDistinctArguments(calls);
      if (keys.isEmpty() && clustered != child && distinctArgs != null) {
        return planGlobalDistinct(distinctArgs, calls, aggAttrs, results, child, distinctPartitions);
      }
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

  /**
   * The arguments every DISTINCT aggregate shares ({@code count(DISTINCT x)} and {@code sum(DISTINCT x)}
   * share {@code x}), or null when two DISTINCT aggregates have different arguments.
   */
  private static List<Expression> sharedDistinctArguments(List<AggregateCall> calls) {
    List<Expression> shared = null;
    for (AggregateCall c : calls) {
      if (!c.distinct()) {
        continue;
      }
      List<Expression> args = new ArrayList<>();
      for (Expression arg : c.args()) {
        if (indexOf(args, arg) < 0) {
          args.add(arg);
        }
      }
      if (shared == null) {
        shared = args;
      } else if (shared.size() != args.size() || !shared.stream().allMatch(e -> indexOf(args, e) >= 0)) {
        return null;
      }
    }
    return shared;
  }

  /**
   * DISTINCT aggregates without group keys that share their arguments D, over an input of several
   * partitions, as Spark plans them: rows are first made distinct on D by an aggregation on both sides of
   * a shuffle on D, which also starts the non-DISTINCT aggregates; each value of D is then one row, so the
   * DISTINCT aggregates are plain ones from there, and one task merges the partitions' results:
   * <pre>
   * FINAL                sum(x), count(DISTINCT d)
   *  exchange to one partition
   * PARTIAL              merge_sum(x), partial_count(DISTINCT d)
   * PARTIAL   keys D:    merge_sum(x)
   *  exchange on D
   * PARTIAL   keys D:    partial_sum(x)
   * </pre>
   * Otherwise one task would see every row. With group keys G, Spark plans the same on (G, D) and G; Quiver
   * shuffles on G and aggregates each group in one task instead (COMPLETE), which takes half the hashing and
   * one shuffle less when there are many groups (1.5 million groups of TPC-H's lineitem: 800 ms against
   * 1,370 for the two levels) and is slower only when there are fewer groups than tasks.
   */
  private static PhysicalPlan planGlobalDistinct(List<Expression> distinctArgs, List<AggregateCall> calls,
      List<AttributeReference> aggAttrs, List<Expression> results, PhysicalPlan child, int partitions) {
    List<Expression> valueKeys = new ArrayList<>();
    for (Expression d : distinctArgs) {
      valueKeys.add(d instanceof NamedExpression ? d : new Alias(d, d.sql()));
    }
    List<AttributeReference> valueAttrs = Plans.toAttributes(valueKeys);

    List<AggregateCall> plain = new ArrayList<>();
    List<AttributeReference> plainAttrs = new ArrayList<>();
    List<AttributeReference> plainBuffers = new ArrayList<>();
    List<AggregateCall> overValues = new ArrayList<>();
    List<Boolean> merged = new ArrayList<>();
    List<AttributeReference> buffers = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      AggregateCall c = calls.get(i);
      List<AttributeReference> own = AggregateBuffers.attributesFor(List.of(c));
      buffers.addAll(own);
      merged.add(!c.distinct());
      if (c.distinct()) {
        List<Expression> args = new ArrayList<>();
        for (Expression arg : c.args()) {
          args.add(valueAttrs.get(indexOf(distinctArgs, arg)));
        }
        overValues.add((AggregateCall) c.withChildren(args));
      } else {
        overValues.add(c);
        plain.add(c);
        plainAttrs.add(aggAttrs.get(i));
        plainBuffers.addAll(own);
      }
    }
    PhysicalPlan values = new HashAggregateExec(AggregateMode.PARTIAL, valueKeys, plain, plainAttrs, plainBuffers,
        List.of(), child);
    values = Distribution.ensureClustered(values, new ArrayList<>(valueAttrs), partitions);
    values = new HashAggregateExec(AggregateMode.PARTIAL, new ArrayList<>(valueAttrs), plain, plainAttrs,
        plainBuffers, Collections.nCopies(plain.size(), true), List.of(), values);
    PhysicalPlan partial = new HashAggregateExec(AggregateMode.PARTIAL, List.of(), overValues, aggAttrs, buffers,
        merged, List.of(), values);
    return new HashAggregateExec(AggregateMode.FINAL, List.of(), overValues, aggAttrs, buffers, results,
        Distribution.ensureSingle(partial));
  }

  private static int indexOf(List<Expression> list, Expression e) {
    for (int i = 0; i < list.size(); i++) {
      if (Expressions.semanticEquals(list.get(i), e)) {
        return i;
      }
    }
    return -1;
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
