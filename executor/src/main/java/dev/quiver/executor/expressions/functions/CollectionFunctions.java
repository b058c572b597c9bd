package dev.quiver.executor.expressions.functions;

import dev.quiver.executor.expressions.ChildCompiler;
import dev.quiver.executor.expressions.Evaluator;
import dev.quiver.executor.expressions.cast.Casts;
import dev.quiver.executor.expressions.kernels.ValueOrdering;
import dev.quiver.planner.analysis.TypeCoercion;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.NullType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.complex.ListVector;

/** size and array_contains. */
final class CollectionFunctions {
  private CollectionFunctions() {}

  static void register(Map<String, FunctionFactory> r) {
    // Under ANSI mode size(NULL) is NULL (spark.sql.legacy.sizeOfNull is off).
    r.put("size", (f, cc) -> FunctionFactory.rows(f, cc, (i, in, out, ctx) -> {
      ListVector v = (ListVector) in.operand(0).vector;
      long offsets = v.getOffsetBuffer().memoryAddress();
      out.setInt(i, MemoryUtil.getInt(offsets + 4L * (i + 1)) - MemoryUtil.getInt(offsets + 4L * i));
    }));
    r.put("array_contains", CollectionFunctions::arrayContains);
  }

  /**
   * true if the array has the value; null if the array or value is null, or if it is not found but the array
   * has a null element; false otherwise. Value and elements are compared at their wider common type.
   */
  private static Evaluator arrayContains(ScalarFunction f, ChildCompiler cc) {
    Evaluator array = cc.compile(f.args().get(0));
    Evaluator value = cc.compile(f.args().get(1));
    ArrayType at = (ArrayType) f.args().get(0).dataType();
    DataType vt = f.args().get(1).dataType();
    DataType common = at.elementType();
    if (!vt.equals(at.elementType()) && !(vt instanceof NullType)) {
      Optional<DataType> wider = TypeCoercion.wider(at.elementType(), vt);
      if (wider.isPresent()) {
        common = wider.get();
        if (!common.equals(at.elementType())) {
          array = Casts.compile(array, at, new ArrayType(common, at.containsNull()));
        }
        value = Casts.compile(value, vt, common);
      }
    }
    DataType element = common;
    return new RowFunction(f.dataType(), new Evaluator[] {array, value}, (i, in, out, ctx) -> {
      List<?> elements = (List<?>) in.get(0, i);
      Object wanted = in.get(1, i);
      boolean sawNull = false;
      for (Object e : elements) {
        if (e == null) {
          sawNull = true;
        } else if (ValueOrdering.equal(e, wanted, element)) {
          out.setBoolean(i, true);
          return;
        }
      }
      if (sawNull) {
        out.setNull(i);
      } else {
        out.setBoolean(i, false);
      }
    }, true);
  }
}
