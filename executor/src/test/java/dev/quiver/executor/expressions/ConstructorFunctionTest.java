package dev.quiver.executor.expressions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quiver.planner.expressions.Expression;
import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** array(...), array_size, element_at/try_element_at, sort_array and struct/named_struct. */
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

  @Test
  void elementAtCountsFromOneAndFromTheEnd() {
    ArrayType ints = new ArrayType(INT, true);
    Expression at = fn("element_at", col(0, ints), col(1, INT));
    assertEquals(INT, at.dataType());
    assertEquals(list(1, 3, null, null), eval(at, batch(vector(ints, list(1, 2, 3), list(1, 2, 3), list(1, null),
        null), vector(INT, 1, -1, 2, 1))));
    assertError("INVALID_ARRAY_INDEX_IN_ELEMENT_AT", () -> eval(at, batch(vector(ints, list(1, 2, 3)),
        vector(INT, 4))));
    assertError("INVALID_INDEX_OF_ZERO", () -> eval(at, batch(vector(ints, list(1)), vector(INT, 0))));
    Expression tryAt = fn("try_element_at", col(0, ints), col(1, INT));
    assertEquals(list(null, null, 2), eval(tryAt, batch(vector(ints, list(1, 2, 3), list(1), list(1, 2)),
        vector(INT, 4, -2, 2))));
    assertError("INVALID_INDEX_OF_ZERO", () -> eval(tryAt, batch(vector(ints, list(1)), vector(INT, 0))));
  }

  @Test
  void elementAtOfAMapLooksUpTheKey() {
    dev.quiver.sql.types.MapType m = new dev.quiver.sql.types.MapType(STRING, INT, true);
    java.util.Map<Object, Object> value = new java.util.LinkedHashMap<>();
    value.put("a", 1);
    value.put("b", 2);
    assertEquals(list(2, null), eval(fn("element_at", col(0, m), col(1, STRING)), batch(vector(m, value, value),
        vector(STRING, "b", "z"))));
  }

  @Test
  void sortArrayPutsNullsFirstAscendingAndLastDescending() {
    ArrayType strings = new ArrayType(STRING, true);
    assertEquals(list(list(null, "a", "b", "c", "d"), null), eval(fn("sort_array", col(0, strings), lit(true)),
        strings, list("b", "d", null, "c", "a"), null));
    assertEquals(list(list("d", "c", "b", "a", null)), eval(fn("sort_array", col(0, strings), lit(false)),
        strings, list("b", "d", null, "c", "a")));
    ArrayType doubles = new ArrayType(DOUBLE, true);
    assertEquals(list(list(-1.0, 2.0, Double.NaN)), eval(fn("sort_array", col(0, doubles), lit(true)), doubles,
        list(Double.NaN, 2.0, -1.0)));
  }
}
