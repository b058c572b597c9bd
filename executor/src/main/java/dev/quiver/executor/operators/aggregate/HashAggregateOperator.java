package dev.quiver.executor.operators.aggregate;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.expressions.VectorEvaluator;
import dev.quiver.executor.operators.Operator;
import dev.quiver.executor.operators.Operators;
import dev.quiver.executor.operators.TaskMemory;
import dev.quiver.executor.task.TaskContext;
import dev.quiver.planner.PlanningException;
import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.logical.Plans;
import dev.quiver.planner.physical.AggregateBuffers;
import dev.quiver.planner.physical.AggregateMode;
import dev.quiver.planner.physical.HashAggregateExec;
import dev.quiver.sql.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.FieldVector;

/**
 * Hash aggregation of one task in any {@link AggregateMode}. Consumes its whole input on the first
 * {@link #next()}: evaluates the grouping keys of each batch, hashes them in one pass, maps rows to dense
 * group ids through a {@link GroupHashTable} and feeds each aggregate's state with the batch. Then emits
 * the groups in batches of {@code ctx.batchSize()} rows: grouping columns and buffers (PARTIAL), or the
 * result expressions over grouping columns and aggregate values (FINAL, COMPLETE).
 *
 * <p>Without grouping expressions there is exactly one group, present even for empty input, so a global
 * aggregate always yields one row (count 0, other aggregates null; PARTIAL yields initial buffers). Holds
 * everything in memory (no spill yet): running out of the task's budget is reported as such.
 */
public final class HashAggregateOperator implements Operator {
  private final AggregateMode mode;
  private final Operator child;
  private final TaskContext ctx;
  private final List<VectorEvaluator> grouping;
  private final List<AggregateColumn> aggregates;
  private final List<VectorEvaluator> results;
  private GroupHashTable table;
  private int[] groupIds = new int[0];
  private final GroupRuns groupRuns = new GroupRuns();
  /** Whether some aggregate adds a batch's rows group by group (else sorting them into runs is wasted). */
  private final boolean addsRuns;
  private boolean consumed;
  private boolean released;
  private boolean closed;
  private int emitted;

  private HashAggregateOperator(AggregateMode mode, Operator child, TaskContext ctx, List<VectorEvaluator> grouping,
      List<AggregateColumn> aggregates, List<VectorEvaluator> results, GroupHashTable table) {
    this.mode = mode;
    this.child = child;
    this.ctx = ctx;
    this.grouping = grouping;
    this.aggregates = aggregates;
    this.addsRuns = aggregates.stream().anyMatch(a -> !a.mergesBuffers() && a.state.addsRuns());
    this.results = results;
    this.table = table;
  }

  /**
   * The operator for {@code node} over {@code child}, whose columns are {@code childOutput}: input rows, and
   * for the aggregates that merge ({@link HashAggregateExec#fromBuffers()}: all of FINAL's) the buffer
   * attributes an earlier phase emitted. Expressions are bound and compiled here, once per task.
   */
  public static Operator create(HashAggregateExec node, Operator child, List<AttributeReference> childOutput,
      TaskContext ctx) {
    List<AutoCloseable> built = new ArrayList<>();
    try {
      AggregateMode mode = node.mode();
      List<VectorEvaluator> grouping = Operators.compile(node.groupingExpressions(), childOutput);
      built.addAll(grouping);
      List<AggregateColumn> aggregates = new ArrayList<>();
      List<AttributeReference> buffers = node.bufferAttributes();
      if (mode != AggregateMode.COMPLETE) {
        int width = 0;
        for (AggregateCall call : node.aggregates()) {
          width += AggregateBuffers.bufferTypes(call).size();
        }
        if (width != buffers.size()) {
          throw new PlanningException("Internal error: the " + mode + " aggregate has " + buffers.size()
              + " buffer columns but its aggregates " + node.aggregates() + " need " + width);
        }
      }
      int bufferAt = 0;
      for (int i = 0; i < node.aggregates().size(); i++) {
        AggregateCall call = node.aggregates().get(i);
        int width = mode == AggregateMode.COMPLETE ? 0 : AggregateBuffers.bufferTypes(call).size();
        AggregateColumn column;
        if (node.fromBuffers().get(i)) {
          column = AggregateColumn.forBuffers(call, ordinals(buffers.subList(bufferAt, bufferAt + width),
              childOutput), ctx.allocator());
        } else {
          // Only COMPLETE sees a DISTINCT aggregate's raw rows; in the other phases the planner has already
          // made the rows distinct on its arguments (AggregatePlanning.planGlobalDistinct).
          column = AggregateColumn.forInput(call, call.distinct() && mode == AggregateMode.COMPLETE, childOutput,
              ctx.allocator());
        }
        bufferAt += width;
        aggregates.add(column);
        built.add(column);
      }
      List<VectorEvaluator> results = List.of();
      if (mode != AggregateMode.PARTIAL) {
        List<AttributeReference> valueLayout = new ArrayList<>(Plans.toAttributes(node.groupingExpressions()));
        valueLayout.addAll(node.aggregateAttributes());
        results = Operators.compile(node.resultExpressions(), valueLayout);
        built.addAll(results);
      }
      GroupHashTable table = null;
      if (!node.groupingExpressions().isEmpty()) {
        List<DataType> keyTypes = new ArrayList<>();
        for (Expression g : node.groupingExpressions()) {
          keyTypes.add(g.dataType());
        }
        table = new GroupHashTable(keyTypes, ctx.allocator());
        built.add(table);
      }
      return new HashAggregateOperator(mode, child, ctx, grouping, aggregates, results, table);
    } catch (OutOfMemoryException e) {
      Operators.closeAll(built);
      child.close();
      throw TaskMemory.exceeded("HashAggregate (" + node.mode() + ")", ctx, e);
    } catch (RuntimeException e) {
      Operators.closeAll(built);
      child.close();
      throw e;
    }
  }

  private static int[] ordinals(List<AttributeReference> attrs, List<AttributeReference> input) {
    int[] out = new int[attrs.size()];
    for (int i = 0; i < attrs.size(); i++) {
      out[i] = -1;
      for (int j = 0; j < input.size(); j++) {
        if (input.get(j).sameRef(attrs.get(i))) {
          out[i] = j;
          break;
        }
      }
      if (out[i] < 0) {
        throw new PlanningException("Internal error: the aggregate buffer column " + attrs.get(i).name() + "#"
            + attrs.get(i).exprId() + " is not in the merging aggregate's input " + input);
      }
    }
    return out;
  }

  private int groupCount() {
    return table == null ? 1 : table.size();
  }

  @Override
  public Batch next() {
    if (released) {
      return null;
    }
    if (!consumed) {
      consumeInput();
      consumed = true;
    }
    int total = groupCount();
    if (emitted >= total) {
      release();
      return null;
    }
    int count = Math.min(ctx.batchSize(), total - emitted);
    try {
      Batch out = emit(emitted, count);
      emitted += count;
      return out;
    } catch (OutOfMemoryException e) {
      throw outOfMemory(e);
    }
  }

  private void consumeInput() {
    try {
      for (AggregateColumn a : aggregates) {
        a.state.ensureCapacity(groupCount());
      }
    } catch (OutOfMemoryException e) {
      throw outOfMemory(e);
    }
    Batch batch;
    while ((batch = child.next()) != null) {
      try (Batch b = batch) {
        ctx.checkCancelled();
        if (b.rowCount() > 0) {
          process(b);
        }
      } catch (OutOfMemoryException e) {
        throw outOfMemory(e);
      }
    }
  }

  private void process(Batch b) {
    int n = b.rowCount();
    if (groupIds.length < n) {
      groupIds = new int[n];
    }
    EvalContext ec = ctx.evalContext();
    if (table != null) {
      List<FieldVector> keys = new ArrayList<>(grouping.size());
      try {
        for (VectorEvaluator g : grouping) {
          keys.add(g.evaluate(b, ec));
        }
        table.findOrInsert(keys, n, groupIds, null);
      } finally {
        keys.forEach(FieldVector::close);
      }
    } else {
      Arrays.fill(groupIds, 0, n, 0);
    }
    int groups = groupCount();
    GroupRuns runs = addsRuns && table != null && GroupRuns.worthwhile(n, groups)
        ? groupRuns.sort(groupIds, n, groups) : null;
    for (AggregateColumn a : aggregates) {
      a.state.ensureCapacity(groups);
      if (a.mergesBuffers()) {
        a.merge(b, groupIds, n);
      } else {
        a.update(b, groupIds, n, table == null, runs, ec);
      }
    }
  }

  /** Groups {@code [from, from+count)}: keys then buffers (PARTIAL) or the result expressions. */
  private Batch emit(int from, int count) {
    List<FieldVector> columns = new ArrayList<>();
    Batch values;
    try {
      if (table != null) {
        columns.addAll(table.keyColumns(from, count, ctx.allocator()));
      }
      for (AggregateColumn a : aggregates) {
        if (mode == AggregateMode.PARTIAL) {
          columns.addAll(a.state.buffers(from, count, ctx.allocator()));
        } else {
          columns.add(a.state.results(from, count, ctx.allocator()));
        }
      }
      values = new Batch(columns, count);
    } catch (RuntimeException e) {
      columns.forEach(FieldVector::close);
      throw e;
    }
    if (mode == AggregateMode.PARTIAL) {
      return values;
    }
    try (values) {
      List<FieldVector> out = new ArrayList<>(results.size());
      try {
        for (VectorEvaluator r : results) {
          out.add(r.evaluate(values, ctx.evalContext()));
        }
      } catch (RuntimeException e) {
        out.forEach(FieldVector::close);
        throw e;
      }
      return new Batch(out, count);
    }
  }

  private RuntimeException outOfMemory(OutOfMemoryException e) {
    String what = "HashAggregate (" + mode + ", holding " + groupCount() + " groups of "
        + aggregates.size() + " aggregates)";
    return TaskMemory.exceeded(what, ctx, e);
  }

  /** Frees the hash table and the aggregate states as soon as every group has been emitted. */
  private void release() {
    if (released) {
      return;
    }
    released = true;
    List<AutoCloseable> owned = new ArrayList<>(aggregates);
    owned.add(table);
    owned.addAll(grouping);
    owned.addAll(results);
    table = null;
    groupIds = new int[0];
    Operators.closeAll(owned);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      release();
    } finally {
      child.close();
    }
  }
}
