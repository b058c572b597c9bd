package dev.quiver.executor.expressions;

import dev.quiver.executor.batch.Batch;
import dev.quiver.sql.types.DataType;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.util.TransferPair;

/** A bound column: a zero-copy slice of the input vector (buffers shared by reference count). */
final class ColumnEvaluator extends Evaluator {
  private final int ordinal;

  ColumnEvaluator(int ordinal, DataType type) {
    super(type);
    this.ordinal = ordinal;
  }

  @Override
  public FieldVector evaluate(Batch input, EvalContext ctx) {
    FieldVector column = input.column(ordinal);
    int n = input.rowCount();
    if (column instanceof NullVector) {
      return new NullVector(column.getField(), n);
    }
    TransferPair pair = column.getTransferPair(ctx.allocator());
    pair.splitAndTransfer(0, n);
    return (FieldVector) pair.getTo();
  }

  @Override
  public String toString() {
    return "input[" + ordinal + "]";
  }
}
