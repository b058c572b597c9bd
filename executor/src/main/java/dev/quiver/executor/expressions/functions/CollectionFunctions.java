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
import dev.quiver.sql.QuiverException;
import dev.quiver.sql.types.MapType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.complex.ListVector;

/** size, array_contains, element_at/try_element_at and sort_array. */
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
    r.put("element_at", (f, cc) -> elementAt(f, cc, false));
    r.put("try_element_at", (f, cc) -> elementAt(f, cc, true));
    r.put("sort_array", CollectionFunctions::sortArray);
  }

  /**
   * element_at(array, i): the i-th element counting from 1, or from the end for a negative i; index 0 and (under
   * ANSI mode, unless {@code lenient}) an index past either end are errors, as in Spark. element_at(map, key):
   * the key's value, null for a missing key.
   */
  private static Evaluator elementAt(ScalarFunction f, ChildCompiler cc, boolean lenient) {
    if (f.args().get(0).dataType() instanceof MapType) {
      return FunctionFactory.rows(f, cc, (i, in, out, ctx) -> out.set(i, ((Map<?, ?>) in.get(0, i)).get(in.get(1, i))));
    }
    return FunctionFactory.rows(f, cc, (i, in, out, ctx) -> {
      List<?> elements = (List<?>) in.get(0, i);
      int index = in.getInt(1, i);
      if (index == 0) {
        throw new QuiverException("INVALID_INDEX_OF_ZERO", "The index 0 is invalid. An index shall be either < 0 "
            + "or > 0 (the first element has index 1).", "22003", null);
      }
      int at = index > 0 ? index - 1 : elements.size() + index;
      if (at < 0 || at >= elements.size()) {
        if (lenient) {
          out.setNull(i);
          return;
        }
        throw new QuiverException("INVALID_ARRAY_INDEX_IN_ELEMENT_AT", "The index " + index + " is out of bounds. "
            + "The array has " + elements.size() + " elements. Use `try_element_at` to tolerate accessing element at "
            + "invalid index and return NULL instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to "
            + "bypass this error.", "22003", null);
      }
      out.set(i, elements.get(at));
    });
  }

  /**
   * sort_array(array, ascending): Spark's natural order of the elements (NaN above every number); nulls come
   * first when ascending and last when descending.
   */
  private static Evaluator sortArray(ScalarFunction f, ChildCompiler cc) {
    DataType element = ((ArrayType) f.args().get(0).dataType()).elementType();
    Comparator<Object> natural = (a, b) -> ValueOrdering.compare(a, b, element);
    return FunctionFactory.rows(f, cc, (i, in, out, ctx) -> {
      List<Object> sorted = new ArrayList<>((List<?>) in.get(0, i));
      boolean ascending = in.getBoolean(1, i);
      sorted.sort(ascending ? Comparator.nullsFirst(natural) : Comparator.nullsLast(natural.reversed()));
      out.set(i, sorted);
    });
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
