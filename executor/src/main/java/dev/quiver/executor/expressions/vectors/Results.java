package dev.quiver.executor.expressions.vectors;

import dev.quiver.executor.batch.Vectors;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.NullVector;

/**
 * Result vectors of evaluators, allocated once at their final size. Fixed-width vectors come back zeroed
 * (every row null) so a kernel only writes validity and values; variable-width and nested vectors come back
 * empty with room for {@code n} rows.
 */
public final class Results {
  /** Result vectors are unnamed values; the operator that keeps one names it. */
  public static final String NAME = "value";

  private Results() {}

  public static FieldVector allocate(DataType type, int n, BufferAllocator allocator) {
    FieldVector v = Vectors.create(NAME, type, allocator);
    try {
      if (v instanceof NullVector nv) {
        nv.setValueCount(n);
      } else if (v instanceof BaseFixedWidthVector f) {
        f.allocateNew(Math.max(n, 1));
      } else if (v instanceof BaseVariableWidthVector w) {
        w.allocateNew(Math.max(16L * n, 64L), Math.max(n, 1));
      } else {
        v.setInitialCapacity(Math.max(n, 1));
        v.allocateNew();
      }
      return v;
    } catch (RuntimeException | Error e) {
      v.close();
      throw e;
    }
  }

  /** A vector of {@code n} nulls. */
  public static FieldVector nulls(DataType type, int n, BufferAllocator allocator) {
    FieldVector v = allocate(type, n, allocator);
    v.setValueCount(n);
    return v;
  }

  public static BitVector bits(int n, BufferAllocator allocator) {
    return (BitVector) allocate(DataTypes.BooleanType, n, allocator);
  }

  public static IntVector ints(int n, BufferAllocator allocator) {
    return (IntVector) allocate(DataTypes.IntegerType, n, allocator);
  }

  public static BigIntVector longs(int n, BufferAllocator allocator) {
    return (BigIntVector) allocate(DataTypes.LongType, n, allocator);
  }

  public static Float8Vector doubles(int n, BufferAllocator allocator) {
    return (Float8Vector) allocate(DataTypes.DoubleType, n, allocator);
  }

  /** A boolean vector whose validity and values are the given words. */
  public static BitVector bits(long[] valid, long[] values, int n, BufferAllocator allocator) {
    BitVector out = bits(n, allocator);
    Bits.store(valid, n, out.getValidityBufferAddress());
    Bits.store(values, n, out.getDataBufferAddress());
    out.setValueCount(n);
    return out;
  }
}
