package dev.quiver.executor.expressions.kernels;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.batch.InternalValues;
import dev.quiver.executor.expressions.AnsiErrors;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.executor.expressions.vectors.Bits;
import dev.quiver.executor.expressions.vectors.Results;
import dev.quiver.executor.expressions.vectors.Rows;
import dev.quiver.planner.expressions.ExtractValue;
import dev.quiver.planner.expressions.Literal;
import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.MapType;
import dev.quiver.sql.types.StructType;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * {@code child[key]}: an array element by 0-based index (out of range raises INVALID_ARRAY_INDEX under ANSI
 * mode), a map value by key (null when absent), or a struct field by name. The result is copied out of the
 * child's element vector in one pass.
 */
public final class ExtractValueEvaluator extends Evaluator {
  private enum Kind { ARRAY, MAP, STRUCT }

  private final Kind kind;
  private final Evaluator child;
  private final Evaluator key;
  private final int fieldIndex;
  private final DataType keyType;

  private ExtractValueEvaluator(Kind kind, DataType type, Evaluator child, Evaluator key, int fieldIndex,
      DataType keyType) {
    super(type);
    this.kind = kind;
    this.child = child;
    this.key = key;
    this.fieldIndex = fieldIndex;
    this.keyType = keyType;
  }

  public static Evaluator compile(ExtractValue e, Evaluator child, Evaluator key) {
    DataType t = e.child().dataType();
    if (t instanceof ArrayType) {
      return new ExtractValueEvaluator(Kind.ARRAY, e.dataType(), child, key, -1, null);
    }
    if (t instanceof MapType m) {
      return new ExtractValueEvaluator(Kind.MAP, e.dataType(), child, key, -1, m.keyType());
    }
    if (t instanceof StructType s && e.key() instanceof Literal l && l.value() instanceof String name) {
      return new ExtractValueEvaluator(Kind.STRUCT, e.dataType(), child, key, s.fieldIndex(name), null);
    }
    throw new IllegalArgumentException("Cannot extract a value from " + t.simpleString());
  }

  @Override
  public FieldVector evaluate(Batch input, EvalContext ctx) {
    int n = input.rowCount();
    if (n == 0) {
      return Results.nulls(dataType(), 0, ctx.allocator());
    }
    try (FieldVector c = child.evaluate(input, ctx)) {
      long cv = Bits.validityAddress(c);
      if (cv == 0) {
        return Results.nulls(dataType(), n, ctx.allocator());
      }
      int[] srcId = new int[n];
      int[] srcRow = new int[n];
      FieldVector source;
      if (kind == Kind.STRUCT) {
        source = ((StructVector) c).getChildrenFromFields().get(fieldIndex);
        for (int i = 0; i < n; i++) {
          srcId[i] = Bits.get(cv, i) ? 0 : -1;
          srcRow[i] = i;
        }
      } else {
        try (Operand k = Operand.of(key, input, ctx)) {
          if (k.isNull()) {
            return Results.nulls(dataType(), n, ctx.allocator());
          }
          source = kind == Kind.ARRAY ? arrayRows((ListVector) c, cv, k, n, srcId, srcRow)
              : mapRows((MapVector) c, cv, k, n, srcId, srcRow);
        }
      }
      return Rows.assemble(dataType(), new FieldVector[] {source}, srcId, srcRow, n, ctx.allocator());
    }
  }

  private static FieldVector arrayRows(ListVector list, long cv, Operand k, int n, int[] srcId, int[] srcRow) {
    long offsets = list.getOffsetBuffer().memoryAddress();
    for (int i = 0; i < n; i++) {
      srcId[i] = -1;
      if (!Bits.get(cv, i) || !k.isValid(i)) {
        continue;
      }
      int start = MemoryUtil.getInt(offsets + 4L * i);
      int size = MemoryUtil.getInt(offsets + 4L * (i + 1)) - start;
      int index = MemoryUtil.getInt(k.data + k.stride * i);
      if (index < 0 || index >= size) {
        throw AnsiErrors.invalidArrayIndex(index, size);
      }
      srcId[i] = 0;
      srcRow[i] = start + index;
    }
    return list.getDataVector();
  }

  private FieldVector mapRows(MapVector map, long cv, Operand k, int n, int[] srcId, int[] srcRow) {
    long offsets = map.getOffsetBuffer().memoryAddress();
    StructVector entries = (StructVector) map.getDataVector();
    FieldVector keys = entries.getChildrenFromFields().get(0);
    FieldVector values = entries.getChildrenFromFields().get(1);
    for (int i = 0; i < n; i++) {
      srcId[i] = -1;
      if (!Bits.get(cv, i) || !k.isValid(i)) {
        continue;
      }
      Object wanted = k.isConstant() ? k.constant : InternalValues.read(k.vector, i);
      int start = MemoryUtil.getInt(offsets + 4L * i);
      int end = MemoryUtil.getInt(offsets + 4L * (i + 1));
      for (int e = start; e < end; e++) {
        if (ValueOrdering.equal(InternalValues.read(keys, e), wanted, keyType)) {
          srcId[i] = 0;
          srcRow[i] = e;
          break;
        }
      }
    }
    return values;
  }

  @Override
  public void close() {
    child.close();
    key.close();
  }
}
