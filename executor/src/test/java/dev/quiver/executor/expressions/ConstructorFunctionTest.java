package dev.quiver.executor.expressions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quiver.planner.expressions.Expression;
import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** array(...), array_size and struct/named_struct. */
class ConstructorFunctionTest extends ExpressionTestBase {

  @Test
  void arrayOfColumnsCoercesToTheCommonType() {
    Expression arr = fn("array", col(0, INT), col(1, LONG));
    assertEquals(new ArrayType(LONG, true), arr.dataType());
    assertEquals(list(list(1L, 2L), list(null, 3L)), eval(arr, batch(vector(INT, 1, null), vector(LONG, 2L, 3L))));
    assertEquals(list(list()), eval(fn("array"), INT, 1));
  }

  @Test
  void arraySizeIsNullForNull() {
    ArrayType ints = new ArrayType(INT, true);
    assertEquals(list(3, 0, null), eval(fn("array_size", col(0, ints)), ints, list(1, null, 2), list(), null));
  }

  @Test
  void namedStructBuildsFieldsInOrder() {
    Expression st = fn("named_struct", lit("a"), col(0, INT), lit("b"), lit("x"));
    StructType t = (StructType) st.dataType();
    assertEquals("a", t.fields()[0].name());
    assertEquals(STRING, t.fields()[1].dataType());
    assertEquals(2, ((java.util.List<?>) eval(st, INT, 7).get(0)).size());
  }
}
