package dev.quiver.formats.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.Metadata;
import dev.quiver.sql.types.StructType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SparkSchemaJsonTest {
  @Test
  void writesSparksJsonForm() {
    StructType s = new StructType().add("a", DataTypes.IntegerType).add("b", DataTypes.createDecimalType(10, 2), false);
    assertEquals("{\"type\":\"struct\",\"fields\":[{\"name\":\"a\",\"type\":\"integer\",\"nullable\":true,"
        + "\"metadata\":{}},{\"name\":\"b\",\"type\":\"decimal(10,2)\",\"nullable\":false,\"metadata\":{}}]}",
        SparkSchemaJson.toJson(s));
  }

  @Test
  void roundTripsEveryType() {
    StructType s = StructType.fromDDL("b BOOLEAN, y TINYINT, h SMALLINT, i INT, l BIGINT, f FLOAT, d DOUBLE, "
        + "s STRING, x BINARY, dt DATE, ts TIMESTAMP, tn TIMESTAMP_NTZ, dec DECIMAL(38,10), "
        + "a ARRAY<STRUCT<p: INT, q: MAP<STRING, ARRAY<DOUBLE>>>>")
        .add("weird \"name\"\n", DataTypes.StringType, false, Metadata.of(Map.of("comment", "a \"quoted\" note")));
    assertEquals(s, SparkSchemaJson.fromJson(SparkSchemaJson.toJson(s)));
  }

  @Test
  void readsWhatSparkWrites() {
    // As Spark 4 writes it, including a char/varchar marker with a non-string-looking value.
    String spark = "{\"type\":\"struct\",\"fields\":[{\"name\":\"id\",\"type\":\"long\",\"nullable\":false,"
        + "\"metadata\":{}},{\"name\":\"c\",\"type\":\"string\",\"nullable\":true,\"metadata\":"
        + "{\"__CHAR_VARCHAR_TYPE_STRING\":\"varchar(5)\",\"n\":3}},{\"name\":\"m\",\"type\":{\"type\":\"map\","
        + "\"keyType\":\"string\",\"valueType\":\"integer\",\"valueContainsNull\":false},\"nullable\":true,"
        + "\"metadata\":{}}]}";
    StructType want = new StructType().add("id", DataTypes.LongType, false)
        .add("c", DataTypes.StringType, true, Metadata.of(Map.of("__CHAR_VARCHAR_TYPE_STRING", "varchar(5)", "n", "3")))
        .add("m", DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType, false));
    assertEquals(want, SparkSchemaJson.fromJson(spark));
  }

  @Test
  void rejectsWhatItCannotRead() {
    assertThrows(IllegalArgumentException.class, () -> SparkSchemaJson.fromJson("not json"));
    assertThrows(IllegalArgumentException.class, () -> SparkSchemaJson.fromJson("{\"type\":\"struct\",\"fields\":"
        + "[{\"name\":\"v\",\"type\":\"variant\",\"nullable\":true,\"metadata\":{}}]}"));
    assertThrows(IllegalArgumentException.class, () -> SparkSchemaJson.fromJson("\"integer\""));
  }
}
