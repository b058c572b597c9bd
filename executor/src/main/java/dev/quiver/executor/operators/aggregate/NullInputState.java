package dev.quiver.executor.operators.aggregate;

import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.physical.AggregateBuffers;
import dev.quiver.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * min/max/first/last over an argument of the NULL type ({@code max(NULL)}): the value is always null, so
 * there is nothing to keep; buffers are emitted null in the layout FINAL expects.
 */
final class NullInputState extends AggregateState {
  private final List<DataType> bufferTypes;

  NullInputState(AggregateCall call) {
    super(call.dataType());
    this.bufferTypes = AggregateBuffers.bufferTypes(call);
  }

  @Override
  public void ensureCapacity(int groups) {}

  @Override
  public void update(FieldVector[] args, int[] groupIds, int from, int to) {}

  @Override
  public void merge(FieldVector[] buffers, int[] groupIds, int from, int to) {}

  @Override
  public void mergeState(int target, int source) {}

  @Override
  public void reset(int group) {}

  @Override
  public List<FieldVector> buffers(int from, int count, BufferAllocator allocator) {
    List<FieldVector> out = new ArrayList<>(bufferTypes.size());
    for (DataType t : bufferTypes) {
      out.add(VectorRanges.nulls("buffer", t, count, allocator));
    }
    return out;
  }

  @Override
  public FieldVector results(int from, int count, BufferAllocator allocator) {
    return VectorRanges.nulls("result", resultType(), count, allocator);
  }

  @Override
  public void writeResult(int group, FieldVector out, int index) {}

  @Override
  public void close() {}
}
