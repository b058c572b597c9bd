package dev.quiver.executor.expressions.cast;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.executor.expressions.vectors.Results;
import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.MapType;
import dev.quiver.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Arrays, maps and structs cast element by element: the element vector of the whole batch is cast in one
 * call of the element cast (compiled over a one-column input), and the result reuses the source's offsets
 * and validity.
 */
final class ComplexCasts extends CastKernel {
  private final Evaluator[] parts;

  ComplexCasts(Evaluator child, DataType from, DataType to) {
    super(child, from, to);
    if (from instanceof ArrayType a && to instanceof ArrayType b) {
      parts = new Evaluator[] {Casts.overColumn(a.elementType(), b.elementType())};
    } else if (from instanceof MapType a && to instanceof MapType b) {
      parts = new Evaluator[] {Casts.overColumn(a.keyType(), b.keyType()),
          Casts.overColumn(a.valueType(), b.valueType())};
    } else if (from instanceof StructType a && to instanceof StructType b) {
      parts = new Evaluator[a.length()];
      for (int i = 0; i < a.length(); i++) {
        parts[i] = Casts.overColumn(a.apply(i).dataType(), b.apply(i).dataType());
      }
    } else {
      throw new IllegalArgumentException("Cannot cast " + from.simpleString() + " to " + to.simpleString());
    }
  }

  static boolean handles(DataType from, DataType to) {
    return from instanceof ArrayType && to instanceof ArrayType || from instanceof MapType && to instanceof MapType
        || from instanceof StructType && to instanceof StructType;
  }

  /** Casts a child vector of {@code count} values with {@code cast}, returning a new vector. */
  private static FieldVector castPart(Evaluator cast, FieldVector part, int count, EvalContext ctx) {
    TransferPair slice = part.getTransferPair(ctx.allocator());
    slice.splitAndTransfer(0, count);
    try (Batch b = new Batch(List.of((FieldVector) slice.getTo()), count)) {
      return cast.evaluate(b, ctx);
    }
  }

  /** Moves {@code from}'s buffers into {@code target} (same type), then closes {@code from}. */
  private static void moveInto(FieldVector from, FieldVector target) {
    try (from) {
      TransferPair t = from.makeTransferPair(target);
      t.transfer();
    }
  }

  private static void copyValidity(FieldVector src, FieldVector dst, int n) {
    MemoryUtil.copyMemory(src.getValidityBuffer().memoryAddress(), dst.getValidityBuffer().memoryAddress(),
        (n + 7) / 8);
  }

  @Override
  protected FieldVector convert(FieldVector src, int n, EvalContext ctx) {
    FieldVector out = Results.allocate(dataType(), n, ctx.allocator());
    try {
      if (src instanceof ListVector list) {
        // MapVector is a ListVector of entry structs.
        ListVector result = (ListVector) out;
        long offsets = list.getOffsetBuffer().memoryAddress();
        int count = MemoryUtil.getInt(offsets + 4L * n) - MemoryUtil.getInt(offsets);
        while (result.getValueCapacity() < n) {
          result.reAlloc();
        }
        MemoryUtil.copyMemory(offsets, result.getOffsetBuffer().memoryAddress(), 4L * (n + 1));
        copyValidity(src, result, n);
        if (src instanceof MapVector) {
          StructVector entries = (StructVector) list.getDataVector();
          StructVector target = (StructVector) result.getDataVector();
          target.setInitialCapacity(Math.max(count, 1));
          target.allocateNew();
          FieldVector keys = castPart(parts[0], entries.getChildrenFromFields().get(0), count, ctx);
          FieldVector values;
          try {
            values = castPart(parts[1], entries.getChildrenFromFields().get(1), count, ctx);
          } catch (RuntimeException | Error e) {
            keys.close();
            throw e;
          }
          moveInto(keys, target.getChildrenFromFields().get(0));
          moveInto(values, target.getChildrenFromFields().get(1));
          for (int e = 0; e < count; e++) {
            target.setIndexDefined(e);
          }
          target.setValueCount(count);
        } else {
          FieldVector casted = castPart(parts[0], list.getDataVector(), count, ctx);
          moveInto(casted, result.getDataVector());
        }
        result.setLastSet(n - 1);
        result.setValueCount(n);
        return result;
      }
      StructVector struct = (StructVector) src;
      StructVector result = (StructVector) out;
      List<FieldVector> sourceFields = struct.getChildrenFromFields();
      List<FieldVector> targetFields = result.getChildrenFromFields();
      List<FieldVector> casted = new ArrayList<>();
      try {
        for (int f = 0; f < parts.length; f++) {
          casted.add(castPart(parts[f], sourceFields.get(f), n, ctx));
        }
      } catch (RuntimeException | Error e) {
        casted.forEach(FieldVector::close);
        throw e;
      }
      for (int f = 0; f < parts.length; f++) {
        moveInto(casted.get(f), targetFields.get(f));
      }
      copyValidity(src, result, n);
      result.setValueCount(n);
      return result;
    } catch (RuntimeException | Error e) {
      out.close();
      throw e;
    }
  }

  @Override
  public void close() {
    super.close();
    for (Evaluator p : parts) {
      p.close();
    }
  }
}
