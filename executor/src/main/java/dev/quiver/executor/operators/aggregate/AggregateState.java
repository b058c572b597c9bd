package dev.quiver.executor.operators.aggregate;

import dev.quiver.executor.batch.Vectors;
import dev.quiver.sql.types.DataType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * The per-group state of one aggregate function, held in Arrow vectors indexed by group id. One
 * implementation per function family and value representation; each has type-specialized loops, chosen
 * once per batch, so no value is boxed per row.
 *
 * <p>Hash aggregation uses {@link #update} (input rows), {@link #merge} (PARTIAL buffers, laid out as
 * {@link dev.quiver.planner.physical.AggregateBuffers} describes), {@link #buffers} and {@link #results}.
 * Window frames also use {@link #mergeState} and {@link #reset} to combine and reuse slots, and
 * {@link #writeResult} to emit one row's value.
 */
public abstract class AggregateState implements AutoCloseable {
  private final DataType resultType;

  protected AggregateState(DataType resultType) {
    this.resultType = resultType;
  }

  public final DataType resultType() {
    return resultType;
  }

  /** Makes room for group ids below {@code groups}; groups not touched yet are empty. */
  public abstract void ensureCapacity(int groups);

  /**
   * Adds input rows {@code [from, to)} of the argument vectors: row {@code r} goes to group
   * {@code groupIds[r]}. Null arguments are skipped as the function requires.
   */
  public abstract void update(FieldVector[] args, int[] groupIds, int from, int to);

  /**
   * Like {@link #update} where every row goes to group 0 ({@code groupIds} holds zeros), as in an aggregation
   * without grouping keys. States whose per-row loop reads and writes the group's slot in memory override it
   * to keep the running value in a local: each row's store and the next row's load of the same slot would
   * otherwise chain every row of the batch through memory.
   */
  public void updateOneGroup(FieldVector[] args, int[] groupIds, int from, int to) {
    update(args, groupIds, from, to);
  }

  /**
   * Like {@link #update} for rows {@code [0, n)}, which {@code runs} also lists group by group (a batch over
   * few groups). States whose per-row loop reads and writes the group's slot override it to add a whole run
   * in a local, in the same row order.
   */
  void updateRuns(FieldVector[] args, int[] groupIds, int n, GroupRuns runs) {
    update(args, groupIds, 0, n);
  }

  /** Whether {@link #updateRuns} has a loop of its own, so sorting a batch's rows into runs pays for it. */
  boolean addsRuns() {
    return false;
  }

  /** Merges PARTIAL buffer rows {@code [from, to)}: row {@code r} goes to group {@code groupIds[r]}. */
  public abstract void merge(FieldVector[] buffers, int[] groupIds, int from, int to);

  /**
   * {@code target := target ⊕ source} where the rows behind {@code source} come after those behind
   * {@code target} (first/last depend on it).
   */
  public abstract void mergeState(int target, int source);

  /** Makes {@code group} empty again. */
  public abstract void reset(int group);

  /** The PARTIAL buffer columns of groups {@code [from, from+count)}, new vectors owned by the caller. */
  public abstract List<FieldVector> buffers(int from, int count, BufferAllocator allocator);

  /**
   * Writes the value of {@code group} at {@code index} of {@code out} (a vector of {@link #resultType()}
   * with room for {@code index}); variable-width vectors must be written in increasing index order.
   */
  public abstract void writeResult(int group, FieldVector out, int index);

  /** The values of groups {@code [from, from+count)} as a new vector. */
  public FieldVector results(int from, int count, BufferAllocator allocator) {
    FieldVector out = Vectors.create("result", resultType, count, allocator);
    try {
      for (int i = 0; i < count; i++) {
        writeResult(from + i, out, i);
      }
      out.setValueCount(count);
      return out;
    } catch (RuntimeException e) {
      out.close();
      throw e;
    }
  }

  @Override
  public abstract void close();
}
