package dev.quiver.executor.operators.aggregate;

import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.logical.Plans;
import dev.quiver.planner.physical.AggregateBuffers;
import dev.quiver.planner.physical.AggregateMode;
import dev.quiver.planner.physical.HashAggregateExec;
import dev.quiver.planner.physical.LocalTableScanExec;
import dev.quiver.planner.physical.PhysicalPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * The aggregate nodes the planner builds for {@code SELECT grouping..., calls... GROUP BY grouping}, as
 * AggregatePlanning lays them out: result expressions are the grouping attributes then one attribute per
 * aggregate (or {@code results} when given).
 */
final class AggregatePlan {
  final List<AttributeReference> input;
  final List<Expression> grouping;
  final List<AggregateCall> calls;
  final List<AttributeReference> aggAttrs = new ArrayList<>();
  final List<AttributeReference> buffers;
  final List<Expression> results;

  AggregatePlan(List<AttributeReference> input, List<Expression> grouping, List<AggregateCall> calls) {
    this(input, grouping, calls, null);
  }

  AggregatePlan(List<AttributeReference> input, List<Expression> grouping, List<AggregateCall> calls,
      List<Expression> results) {
    this.input = input;
    this.grouping = grouping;
    this.calls = calls;
    for (AggregateCall c : calls) {
      aggAttrs.add(AttributeReference.create(c.sql(), c.dataType(), c.nullable()));
    }
    this.buffers = AggregateBuffers.attributesFor(calls);
    if (results == null) {
      results = new ArrayList<>(Plans.toAttributes(grouping));
      results.addAll(aggAttrs);
    }
    this.results = results;
  }

  private PhysicalPlan scan() {
    return new LocalTableScanExec(input, List.of(), 1);
  }

  HashAggregateExec complete() {
    return new HashAggregateExec(AggregateMode.COMPLETE, grouping, calls, aggAttrs, List.of(), results, scan());
  }

  HashAggregateExec partial() {
    return new HashAggregateExec(AggregateMode.PARTIAL, grouping, calls, aggAttrs, buffers, results, scan());
  }

  HashAggregateExec finalAgg() {
    return new HashAggregateExec(AggregateMode.FINAL, new ArrayList<>(Plans.toAttributes(grouping)), calls,
        aggAttrs, buffers, results, partial());
  }
}
