package dev.quiver.executor.operators.aggregate;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.expressions.VectorEvaluator;
import dev.quiver.executor.operators.Operators;
import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.AggregateFunction;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * One aggregate of a hash aggregation: its state plus how it reads its input — compiled argument
 * evaluators (with a {@link DistinctFilter} for a DISTINCT aggregate in COMPLETE mode) or the positions of
 * its buffer columns in the input (FINAL, and the merging middle phases of a DISTINCT aggregation).
 */
final class AggregateColumn implements AutoCloseable {
  final AggregateCall call;
  final AggregateState state;
  private final List<VectorEvaluator> args;
  private final int[] bufferOrdinals;
  private final DistinctFilter distinct;

  private AggregateColumn(AggregateCall call, AggregateState state, List<VectorEvaluator> args,
      int[] bufferOrdinals, DistinctFilter distinct) {
    this.call = call;
    this.state = state;
    this.args = args;
    this.bufferOrdinals = bufferOrdinals;
    this.distinct = distinct;
  }

  /**
   * Reads input rows: arguments bound to {@code input} and compiled once. With {@code deduplicate}, a row
   * counts only if its group has not yet seen its argument values.
   */
  static AggregateColumn forInput(AggregateCall call, boolean deduplicate, List<AttributeReference> input,
      BufferAllocator allocator) {
    List<Expression> argExprs = new ArrayList<>(call.args());
    if (call.function() == AggregateFunction.COUNT && !deduplicate) {
      // count(1) and count(*) count rows: a non-null constant argument is never null.
      argExprs.removeIf(a -> a instanceof Literal l && !l.isNull());
    }
    AggregateState state = AggregateStates.create(call, allocator);
    DistinctFilter distinct = null;
    try {
      List<VectorEvaluator> evaluators = Operators.compile(argExprs, input);
      if (deduplicate) {
        List<DataType> types = new ArrayList<>();
        for (Expression a : argExprs) {
          types.add(a.dataType());
        }
        distinct = new DistinctFilter(types, allocator);
      }
      return new AggregateColumn(call, state, evaluators, null, distinct);
    } catch (RuntimeException e) {
      state.close();
      throw e;
    }
  }

  /** Whether this aggregate merges an earlier phase's buffers rather than reading input rows. */
  boolean mergesBuffers() {
    return bufferOrdinals != null;
  }

  /** Reads PARTIAL buffers at {@code ordinals} of the input. */
  static AggregateColumn forBuffers(AggregateCall call, int[] ordinals, BufferAllocator allocator) {
    return new AggregateColumn(call, AggregateStates.create(call, allocator), List.of(), ordinals, null);
  }

  /**
   * Adds rows {@code [0, n)} of an input batch; row r belongs to group {@code groupIds[r]}, all to group 0
   * when {@code oneGroup}. {@code runs}, when not null, lists the same rows group by group.
   */
  void update(Batch input, int[] groupIds, int n, boolean oneGroup, GroupRuns runs, EvalContext ec) {
    FieldVector[] values = new FieldVector[args.size()];
    try {
      for (int k = 0; k < values.length; k++) {
        values[k] = args.get(k).evaluate(input, ec);
      }
      if (distinct == null) {
        if (oneGroup) {
          state.updateOneGroup(values, groupIds, 0, n);
        } else if (runs != null) {
          state.updateRuns(values, groupIds, n, runs);
        } else {
          state.update(values, groupIds, 0, n);
        }
      } else {
        try (DistinctFilter.Passed passed = distinct.filter(values, groupIds, n)) {
          state.update(passed.args(), passed.groupIds(), 0, passed.count());
        }
      }
    } finally {
      for (FieldVector v : values) {
        if (v != null) {
          v.close();
        }
      }
    }
  }

  /** Merges the PARTIAL buffers of rows {@code [0, n)}. */
  void merge(Batch input, int[] groupIds, int n) {
    FieldVector[] buffers = new FieldVector[bufferOrdinals.length];
    for (int k = 0; k < buffers.length; k++) {
      buffers[k] = input.column(bufferOrdinals[k]);
    }
    state.merge(buffers, groupIds, 0, n);
  }

  @Override
  public void close() {
    List<AutoCloseable> owned = new ArrayList<>(args);
    owned.add(state);
    owned.add(distinct);
    Operators.closeAll(owned);
  }
}
