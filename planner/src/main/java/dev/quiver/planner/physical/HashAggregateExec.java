package dev.quiver.planner.physical;

import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.logical.Plans;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Hash aggregation in one of its phases. {@code groupingExpressions} are named; PARTIAL outputs the grouping
 * attributes then {@code bufferAttributes} (the intermediate state of every aggregate, in order, as
 * {@link AggregateBuffers} lays it out); FINAL reads that layout and, like COMPLETE, outputs
 * {@code resultExpressions}, which refer to grouping attributes and {@code aggregateAttributes} (one per
 * aggregate).
 *
 * <p>{@code fromBuffers} says, per aggregate, whether it merges the buffer columns an earlier phase emitted
 * (found in the input by their attributes in {@code bufferAttributes}) or updates from input rows. FINAL
 * merges every aggregate and COMPLETE none; a PARTIAL aggregate may do either per aggregate, as the middle
 * phases of a DISTINCT aggregation do (Spark prints those {@code merge_f} and {@code partial_f}).
 */
public record HashAggregateExec(AggregateMode mode, List<Expression> groupingExpressions,
    List<AggregateCall> aggregates, List<AttributeReference> aggregateAttributes,
    List<AttributeReference> bufferAttributes, List<Boolean> fromBuffers, List<Expression> resultExpressions,
    PhysicalPlan child) implements PhysicalPlan {

  public HashAggregateExec {
    groupingExpressions = List.copyOf(groupingExpressions);
    aggregates = List.copyOf(aggregates);
    aggregateAttributes = List.copyOf(aggregateAttributes);
    bufferAttributes = List.copyOf(bufferAttributes);
    fromBuffers = fromBuffers.isEmpty() ? Collections.nCopies(aggregates.size(), mode == AggregateMode.FINAL)
        : List.copyOf(fromBuffers);
    resultExpressions = List.copyOf(resultExpressions);
    if (fromBuffers.size() != aggregates.size()) {
      throw new IllegalArgumentException("fromBuffers has " + fromBuffers.size() + " entries for "
          + aggregates.size() + " aggregates");
    }
    if (mode != AggregateMode.PARTIAL && fromBuffers.contains(mode != AggregateMode.FINAL)) {
      throw new IllegalArgumentException(mode + " aggregation " + (mode == AggregateMode.FINAL ? "merges every "
          + "aggregate's buffers" : "reads input rows for every aggregate") + ", not " + fromBuffers);
    }
  }

  /** A phase whose aggregates all merge buffers (FINAL) or all read rows (PARTIAL, COMPLETE). */
  public HashAggregateExec(AggregateMode mode, List<Expression> groupingExpressions, List<AggregateCall> aggregates,
      List<AttributeReference> aggregateAttributes, List<AttributeReference> bufferAttributes,
      List<Expression> resultExpressions, PhysicalPlan child) {
    this(mode, groupingExpressions, aggregates, aggregateAttributes, bufferAttributes, List.of(), resultExpressions,
        child);
  }

  @Override
  public List<PhysicalPlan> children() {
    return List.of(child);
  }

  @Override
  public PhysicalPlan withChildren(List<PhysicalPlan> newChildren) {
    return new HashAggregateExec(mode, groupingExpressions, aggregates, aggregateAttributes, bufferAttributes,
        fromBuffers, resultExpressions, newChildren.get(0));
  }

  @Override
  public List<AttributeReference> output() {
    return mode == AggregateMode.PARTIAL ? partialOutput() : Plans.toAttributes(resultExpressions);
  }

  /** Grouping attributes followed by the aggregates' buffer attributes: what PARTIAL emits and FINAL reads. */
  public List<AttributeReference> partialOutput() {
    List<AttributeReference> out = new ArrayList<>(Plans.toAttributes(groupingExpressions));
    out.addAll(bufferAttributes);
    return out;
  }

  @Override
  public <R> R accept(PhysicalPlanVisitor<R> visitor) {
    return visitor.visitHashAggregateExec(this);
  }
}
