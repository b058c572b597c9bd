package dev.quiver.executor.expressions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.planner.expressions.ExtractValue;
import dev.quiver.sql.QuiverException;
import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.MapType;
import dev.quiver.sql.types.StructType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CollectionTest extends ExpressionTestBase {
  private static final ArrayType INTS = new ArrayType(INT, true);

  @Test
  void sizeIsNullForNull() {
    assertEquals(list(3, 0, null), eval(fn("size", col(0, INTS)), INTS, list(1, null, 3), list(), null));
    MapType m = new MapType(STRING, INT, true);
    Map<Object, Object> v = new LinkedHashMap<>();
    v.put("a", 1);
    v.put("b", 2);
    assertEquals(list(2), eval(fn("size", col(0, m)), m, v));
  }

  @Test
  void arrayContainsThreeValued() {
    assertEquals(list(true, false, null, null, false), eval(fn("array_contains", col(0, INTS), lit(2)), INTS,
        list(1, 2), list(1, 3), list(1, null), null, list()));
    assertEquals(list(true), eval(fn("array_contains", col(0, INTS), lit(2L)), INTS, list(1, 2)));
    assertEquals(list((Object) null), eval(fn("array_contains", col(0, INTS), lit(null, INT)), INTS, list(1)));
    ArrayType strs = new ArrayType(STRING, true);
    assertEquals(list(true, false), eval(fn("array_contains", col(0, strs), lit("é")), strs, list("a", "é"),
        list("e")));
  }

  @Test
  void arrayElementIsZeroBasedWithAnsiBoundsCheck() {
    assertEquals(list(10, 30, null, null), eval(new ExtractValue(col(0, INTS), col(1, INT)),
        batch(vector(INTS, list(10, 20), list(10, 20, 30), null, list(1)), vector(INT, 0, 2, 0, null))));
    QuiverException e = assertError("INVALID_ARRAY_INDEX", () -> eval(new ExtractValue(col(0, INTS), lit(5)),
        INTS, list(1, 2)));
    assertTrue(e.getMessage().contains("The index 5 is out of bounds. The array has 2 elements."), e.getMessage());
    assertError("INVALID_ARRAY_INDEX", () -> eval(new ExtractValue(col(0, INTS), lit(-1)), INTS, list(1, 2)));
    ArrayType strs = new ArrayType(STRING, true);
    assertEquals(list("b", null), eval(new ExtractValue(col(0, strs), lit(1)), strs, list("a", "b"), list("a", null)));
  }

  @Test
  void mapValueIsNullWhenAbsent() {
    MapType m = new MapType(STRING, DOUBLE, true);
    Map<Object, Object> v = new LinkedHashMap<>();
    v.put("a", 1.5);
    v.put("b", null);
    assertEquals(list(1.5, null, null), list(eval(new ExtractValue(col(0, m), lit("a")), m, v).get(0),
        eval(new ExtractValue(col(0, m), lit("b")), m, v).get(0), eval(new ExtractValue(col(0, m), lit("z")), m,
        v).get(0)));
  }

  @Test
  void structFieldByName() {
    StructType st = StructType.fromDDL("id INT, name STRING");
    assertEquals(list("x", null, null), eval(new ExtractValue(col(0, st), lit("name")), st, list(1, "x"),
        list(2, null), null));
    assertEquals(list(1, 2, null), eval(new ExtractValue(col(0, st), lit("id")), st, list(1, "x"), list(2, null),
        null));
  }
}
