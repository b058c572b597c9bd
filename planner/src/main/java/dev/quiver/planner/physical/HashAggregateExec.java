package dev.quiver.planner.physical;

import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.logical.Plans;
import java.util.List;

/** Hash aggregation in one of its phases. {@code groupingExpressions} are named; PARTIAL outputs the grouping attributes then {@code bufferAttributes} (the intermediate state of every aggregate, in order, as {@link AggregateBuffers} lays it out); FINAL reads that layout and, like COMPLETE, outputs {@code resultExpressions}, which refer to grouping attributes and {@code aggregateAttributes} (one per aggregate). */
public record HashAggregateExec(AggregateMode mode, List<Expression> groupingExpressions, List<AggregateCall> aggregates, List<AttributeReference> aggregateAttributes, List<AttributeReference> bufferAttributes, List<Expression> resultExpressions, PhysicalPlan child) implements PhysicalPlan {

  public HashAggregateExec {
    groupingExpressions = List.copyOf(groupingExpressions);
    aggregates = List.copyOf(aggregates);
    aggregateAttributes = List.copyOf(aggregateAttributes);
    bufferAttributes = List.copyOf(bufferAttributes);
    resultExpressions = List.copyOf(resultExpressions);
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public PhysicalPlan withChildren(List<PhysicalPlan> newChildren) {
    return new HashAggregateExec(mode, groupingExpressions, aggregates, aggregateAttributes, bufferAttributes, resultExpressions, newChildren.get(0));
  }

  @Override
  public List<AttributeReference> output() {
    return mode == AggregateMode.PARTIAL ? partialOutput() : Plans.toAttributes(resultExpressions);
  }

  /** Grouping attributes followed by the aggregates' buffer attributes: what PARTIAL emits and FINAL reads. */
  public List<AttributeReference> partialOutput() {
    List<AttributeReference> out = new java.util.ArrayList<>(Plans.toAttributes(groupingExpressions));
    out.addAll(bufferAttributes);
    return out;
  }

  @Override
  public <R> R accept(PhysicalPlanVisitor<R> visitor) {
    return visitor.visitHashAggregateExec(this);
  }
}
