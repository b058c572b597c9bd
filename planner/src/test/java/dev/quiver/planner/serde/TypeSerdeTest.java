package dev.quiver.planner.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.DecimalType;
import dev.quiver.sql.types.MapType;
import dev.quiver.sql.types.Metadata;
import dev.quiver.sql.types.StructType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypeSerdeTest {

  static final List<DataType> ATOMIC = List.of(DataTypes.NullType, DataTypes.BooleanType, DataTypes.ByteType,
      DataTypes.ShortType, DataTypes.IntegerType, DataTypes.LongType, DataTypes.FloatType, DataTypes.DoubleType,
      DataTypes.StringType, DataTypes.BinaryType, DataTypes.DateType, DataTypes.TimestampType,
      DataTypes.TimestampNTZType);

  private static DataType roundTrip(DataType t) {
    DataType back = TypeSerde.fromBytes(TypeSerde.toBytes(t));
    assertEquals(t, back, t.simpleString());
    return back;
  }

  @Test
  void atomicTypesComeBackAsTheSingletons() {
    for (DataType t : ATOMIC) {
      assertSame(t, roundTrip(t), t.simpleString());
    }
  }

  @Test
  void decimals() {
    roundTrip(new DecimalType(1, 0));
    roundTrip(new DecimalType(10, 2));
    roundTrip(new DecimalType(38, 38));
    roundTrip(DecimalType.SYSTEM_DEFAULT);
  }

  @Test
  void nestedArraysMapsAndStructs() {
    roundTrip(new ArrayType(DataTypes.IntegerType, false));
    roundTrip(new ArrayType(new ArrayType(DataTypes.StringType, true), true));
    roundTrip(new MapType(DataTypes.StringType, new DecimalType(5, 2), false));
    roundTrip(new MapType(new StructType().add("k", DataTypes.IntegerType),
        new MapType(DataTypes.LongType, new ArrayType(DataTypes.DateType, true), true), true));
    roundTrip(new StructType());
    roundTrip(StructType.fromDDL("a INT NOT NULL, `b c` STRING, d ARRAY<STRUCT<x: DOUBLE, y: MAP<STRING, BINARY>>>"));
  }

  @Test
  void structFieldsKeepNullabilityAndMetadata() {
    StructType s = new StructType()
        .add("a", DataTypes.IntegerType, false)
        .add("b", DataTypes.StringType, true, Metadata.of(Map.of("comment", "the b", "key", "ünïcode ✓")))
        .add("", DataTypes.TimestampNTZType);
    StructType back = (StructType) roundTrip(s);
    assertEquals(s.apply("b").metadata(), back.apply("b").metadata());
    assertEquals(false, back.apply("a").nullable());
  }

  @Test
  void everyAtomicTypeInsideEveryContainer() {
    for (DataType t : ATOMIC) {
      roundTrip(new ArrayType(t, true));
      roundTrip(new MapType(DataTypes.StringType, t, true));
      roundTrip(new StructType().add("f", t));
    }
  }
}
