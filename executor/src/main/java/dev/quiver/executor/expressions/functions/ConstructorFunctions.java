package dev.quiver.executor.expressions.functions;

import dev.quiver.executor.batch.Batch;
import dev.quiver.executor.expressions.EvalContext;
import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.executor.expressions.vectors.Bits;
import dev.quiver.executor.expressions.vectors.Results;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * Values built from columns: array(a, b, ...) (elements copied vector to vector into one list per row, never
 * null), array_size, and struct/named_struct (each field's vector is moved into the struct, no copy).
 */
final class ConstructorFunctions {
  private ConstructorFunctions() {}

  static void register(Map<String, FunctionFactory> r) {
    r.put("array", (f, cc) -> new MakeArray(FunctionFactory.compileArgs(f, cc), f.dataType()));
    // Spark's array_size is size without the legacy -1 for null: null for a null array.
    r.put("array_size", (f, cc) -> FunctionFactory.rows(f, cc, (i, in, out, ctx) -> {
      ListVector v = (ListVector) in.operand(0).vector;
      long offsets = v.getOffsetBuffer().memoryAddress();
      out.setInt(i, MemoryUtil.getInt(offsets + 4L * (i + 1)) - MemoryUtil.getInt(offsets + 4L * i));
    }));
    r.put("struct", ConstructorFunctions::struct);
    r.put("named_struct", ConstructorFunctions::struct);
  }

  private static Evaluator struct(ScalarFunction f, dev.quiver.executor.expressions.ChildCompiler cc) {
    List<Evaluator> values = new ArrayList<>();
    for (int k = 1; k < f.args().size(); k += 2) {
      values.add(cc.compile(f.args().get(k)));
    }
    return new MakeStruct(values.toArray(new Evaluator[0]), f.dataType());
  }

  /** array(a, b, ...): row i holds the i-th value of every argument, in order. */
  private static final class MakeArray extends Evaluator {
    private final Evaluator[] args;

    MakeArray(Evaluator[] args, DataType type) {
      super(type);
      this.args = args;
    }

    @Override
    public FieldVector evaluate(Batch input, EvalContext ctx) {
      int n = input.rowCount();
      int k = args.length;
      FieldVector[] values = new FieldVector[k];
      ListVector out = (ListVector) Results.allocate(dataType(), n, ctx.allocator());
      try {
        for (int j = 0; j < k; j++) {
          values[j] = args[j].evaluate(input, ctx);
        }
        FieldVector data = out.getDataVector();
        if (!(data instanceof NullVector)) {
          data.setInitialCapacity(Math.max(n * k, 1));
          data.allocateNew();
        }
        for (int i = 0; i < n; i++) {
          int start = out.startNewValue(i);
          if (!(data instanceof NullVector)) {
            for (int j = 0; j < k; j++) {
              data.copyFromSafe(i, start + j, values[j]);
            }
          }
          out.endValue(i, k);
        }
        if (data instanceof NullVector nv) {
          nv.setValueCount(n * k);
        }
        out.setValueCount(n);
        return out;
      } catch (RuntimeException | Error e) {
        out.close();
        throw e;
      } finally {
        for (FieldVector v : values) {
          if (v != null) {
            v.close();
          }
        }
      }
    }

    @Override
    public void close() {
      for (Evaluator a : args) {
        a.close();
      }
    }
  }

  /** struct / named_struct: the field vectors become the struct's children; the struct itself is never null. */
  private static final class MakeStruct extends Evaluator {
    private final Evaluator[] fields;

    MakeStruct(Evaluator[] fields, DataType type) {
      super(type);
      this.fields = fields;
    }

    @Override
    public FieldVector evaluate(Batch input, EvalContext ctx) {
      int n = input.rowCount();
      StructVector out = (StructVector) Results.allocate(dataType(), n, ctx.allocator());
      try {
        List<FieldVector> children = out.getChildrenFromFields();
        for (int j = 0; j < fields.length; j++) {
          try (FieldVector v = fields[j].evaluate(input, ctx)) {
            FieldVector child = children.get(j);
            if (child instanceof NullVector nv) {
              nv.setValueCount(n);
            } else {
              v.makeTransferPair(child).transfer();
            }
          }
        }
        Bits.setAll(out.getValidityBuffer().memoryAddress(), n);
        out.setValueCount(n);
        return out;
      } catch (RuntimeException | Error e) {
        out.close();
        throw e;
      }
    }

    @Override
    public void close() {
      for (Evaluator f : fields) {
        f.close();
      }
    }
  }
}
