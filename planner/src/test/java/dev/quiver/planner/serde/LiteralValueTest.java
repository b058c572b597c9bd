package dev.quiver.planner.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.planner.expressions.Literal;
import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.DecimalType;
import dev.quiver.sql.types.MapType;
import dev.quiver.sql.types.StructType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every form a literal value takes in Quiver's internal representation survives the wire unchanged. */
class LiteralValueTest {

  private static Literal roundTrip(Object value, DataType type) {
    Literal l = new Literal(value, type);
    Literal back = (Literal) ExpressionSerde.fromBytes(ExpressionSerde.toBytes(l));
    assertEquals(l, back, () -> type.simpleString() + " " + value);
    if (value != null && !(value instanceof byte[]) && !(value instanceof List) && !(value instanceof Map)) {
      // Same Java class, not merely an equal number: the executor casts to the internal form's class.
      assertEquals(value.getClass(), back.value().getClass());
    }
    return back;
  }

  @Test
  void nullOfEveryType() {
    for (DataType t : TypeSerdeTest.ATOMIC) {
      roundTrip(null, t);
    }
    roundTrip(null, new DecimalType(7, 3));
    roundTrip(null, new ArrayType(DataTypes.IntegerType, true));
    roundTrip(null, new MapType(DataTypes.StringType, DataTypes.LongType, true));
    roundTrip(null, StructType.fromDDL("a INT"));
    assertEquals(Literal.NULL, roundTrip(null, DataTypes.NullType));
  }

  @Test
  void booleansAndIntegralsAtTheirLimits() {
    roundTrip(true, DataTypes.BooleanType);
    roundTrip(false, DataTypes.BooleanType);
    for (byte b : new byte[] {Byte.MIN_VALUE, -1, 0, Byte.MAX_VALUE}) {
      roundTrip(b, DataTypes.ByteType);
    }
    for (short s : new short[] {Short.MIN_VALUE, -1, 0, Short.MAX_VALUE}) {
      roundTrip(s, DataTypes.ShortType);
    }
    for (int i : new int[] {Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE}) {
      roundTrip(i, DataTypes.IntegerType);
    }
    for (long l : new long[] {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE}) {
      roundTrip(l, DataTypes.LongType);
    }
  }

  @Test
  void floatingPointSpecialValues() {
    for (float f : new float[] {Float.NaN, -0.0f, 0.0f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NEGATIVE_INFINITY,
        Float.POSITIVE_INFINITY, 1.1f}) {
      roundTrip(f, DataTypes.FloatType);
    }
    for (double d : new double[] {Double.NaN, -0.0, 0.0, Double.MIN_VALUE, Double.MAX_VALUE,
        Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0.1}) {
      roundTrip(d, DataTypes.DoubleType);
    }
    // Double.equals already tells -0.0 from 0.0; check the bits anyway, as a sort order would.
    Literal negZero = roundTrip(-0.0, DataTypes.DoubleType);
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) negZero.value()));
  }

  @Test
  void strings() {
    roundTrip("", DataTypes.StringType);
    roundTrip("plain", DataTypes.StringType);
    roundTrip("héllo wörld ✓ 日本語 Ελληνικά עברית 🎉👩‍👩‍👧", DataTypes.StringType);
    roundTrip("nul\u0000inside, tab\t, newline\n", DataTypes.StringType);
  }

  @Test
  void binary() {
    Literal empty = roundTrip(new byte[0], DataTypes.BinaryType);
    assertArrayEquals(new byte[0], (byte[]) empty.value());
    byte[] bytes = {0, 1, -1, 127, -128, 42};
    Literal back = roundTrip(bytes, DataTypes.BinaryType);
    assertArrayEquals(bytes, (byte[]) back.value());
  }

  @Test
  void decimalsKeepTheirExactScale() {
    roundTrip(new BigDecimal("1234.50"), new DecimalType(10, 2));
    roundTrip(new BigDecimal("-12345.67"), new DecimalType(10, 2));
    roundTrip(new BigDecimal("-0.01"), new DecimalType(3, 2));
    roundTrip(new BigDecimal("0.00"), new DecimalType(3, 2));
    roundTrip(new BigDecimal("0"), new DecimalType(1, 0));
    roundTrip(new BigDecimal("99999999999999999999999999999999999999"), new DecimalType(38, 0));
    roundTrip(new BigDecimal("-99999999999999999999999999999999999999"), new DecimalType(38, 0));
    roundTrip(new BigDecimal("-0.000000000000000001"), DecimalType.SYSTEM_DEFAULT);
    Literal back = roundTrip(new BigDecimal("-128.00"), new DecimalType(5, 2));
    assertEquals(2, ((BigDecimal) back.value()).scale());
  }

  @Test
  void datesAndTimestamps() {
    roundTrip(0, DataTypes.DateType);
    roundTrip(-719162, DataTypes.DateType);
    roundTrip(2932896, DataTypes.DateType);
    roundTrip(1_700_000_000_123_456L, DataTypes.TimestampType);
    roundTrip(-62_135_596_800_000_000L, DataTypes.TimestampType);
    roundTrip(-1L, DataTypes.TimestampNTZType);
  }

  @Test
  void arraysWithNullsAndNesting() {
    roundTrip(List.of(), new ArrayType(DataTypes.IntegerType, false));
    roundTrip(Arrays.asList(1, null, 3), new ArrayType(DataTypes.IntegerType, true));
    roundTrip(Arrays.asList(Arrays.asList("a", null), List.of(), null),
        new ArrayType(new ArrayType(DataTypes.StringType, true), true));
    roundTrip(List.of(new BigDecimal("1.10"), new BigDecimal("-2.25")), new ArrayType(new DecimalType(4, 2), false));
    roundTrip(List.of(Double.NaN, -0.0), new ArrayType(DataTypes.DoubleType, false));
    roundTrip(List.of((byte) 1, (byte) -2), new ArrayType(DataTypes.ByteType, false));
  }

  @Test
  void arraysOfBinaryCompareByContent() {
    // List.equals compares byte[] by identity, so compare the elements' contents here.
    List<byte[]> value = Arrays.asList(new byte[] {1, 2}, null, new byte[0]);
    Literal l = new Literal(value, new ArrayType(DataTypes.BinaryType, true));
    Literal back = (Literal) ExpressionSerde.fromBytes(ExpressionSerde.toBytes(l));
    List<?> got = (List<?>) back.value();
    assertEquals(3, got.size());
    assertArrayEquals(new byte[] {1, 2}, (byte[]) got.get(0));
    assertEquals(null, got.get(1));
    assertArrayEquals(new byte[0], (byte[]) got.get(2));
  }

  @Test
  void mapsKeepEntriesAndOrder() {
    Map<Object, Object> m = new LinkedHashMap<>();
    m.put("z", 1);
    m.put("a", null);
    m.put("é", -5);
    Literal back = roundTrip(m, new MapType(DataTypes.StringType, DataTypes.IntegerType, true));
    assertEquals(List.of("z", "a", "é"), List.copyOf(((Map<?, ?>) back.value()).keySet()));
    roundTrip(Map.of(), new MapType(DataTypes.IntegerType, DataTypes.StringType, false));
    Map<Object, Object> nested = new LinkedHashMap<>();
    nested.put(1L, List.of(Map.of("k", new BigDecimal("1.5"))));
    roundTrip(nested, new MapType(DataTypes.LongType,
        new ArrayType(new MapType(DataTypes.StringType, new DecimalType(2, 1), true), true), true));
  }

  @Test
  void structsAsListsOfFieldValues() {
    StructType address = StructType.fromDDL("city STRING, zip INT, geo ARRAY<DOUBLE>");
    roundTrip(Arrays.asList("Lisboa", 1100, List.of(38.7, -9.1)), address);
    roundTrip(Arrays.asList(null, null, null), address);
    StructType person = new StructType().add("name", DataTypes.StringType).add("address", address)
        .add("born", DataTypes.DateType);
    roundTrip(Arrays.asList("Ana", Arrays.asList("Porto", null, List.of()), 19000), person);
    roundTrip(List.of(), new StructType());
  }

  @Test
  void decodedContainersAcceptNulls() {
    Literal back = roundTrip(Arrays.asList(1, null), new ArrayType(DataTypes.IntegerType, true));
    assertInstanceOf(List.class, back.value());
    assertTrue(((List<?>) back.value()).contains(null));
  }
}
