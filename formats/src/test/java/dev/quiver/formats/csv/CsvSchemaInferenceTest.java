package dev.quiver.formats.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quiver.sql.AnalysisException;
import dev.quiver.sql.QuiverException;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.DecimalType;
import dev.quiver.sql.types.StructType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Column names from the header and types from the values, as Spark infers them. */
class CsvSchemaInferenceTest extends CsvTestSupport {

  private List<DataType> types(StructType schema) {
    List<DataType> out = new ArrayList<>();
    schema.forEach(f -> out.add(f.dataType()));
    return out;
  }

  @Test
  void peopleTypesDespiteEmptyCells() {
    StructType schema = infer(opts("header", "true", "inferSchema", "true"), resource("people.csv"));
    assertEquals(CsvReadTest.PEOPLE, schema);
    schema.forEach(f -> assertEquals(true, f.nullable()));
  }

  @Test
  void withoutInferSchemaEverythingIsAString() {
    StructType schema = infer(opts("header", "true"), resource("people.csv"));
    assertEquals(List.of("name", "age", "salary", "hired", "active", "dept"), List.of(schema.fieldNames()));
    assertEquals(List.of(DataTypes.StringType), types(schema).stream().distinct().toList());
  }

  @Test
  void withoutHeaderColumnsAreNumbered() throws IOException {
    String path = file("nohead.csv", "1,x\n2,y\n");
    assertEquals(new StructType().add("_c0", DataTypes.IntegerType).add("_c1", DataTypes.StringType),
        infer(opts("inferSchema", "true"), path));
    assertEquals(new StructType().add("_c0", DataTypes.StringType).add("_c1", DataTypes.StringType),
        infer(opts(), path));
  }

  @Test
  void safeHeaderNames() throws IOException {
    String path = file("dups.csv", "name,Name,age,,NA,\"\"\n");
    assertEquals(List.of("name0", "Name1", "age", "_c3", "_c4", "_c5"),
        List.of(infer(opts("header", "true", "nullValue", "NA"), path).fieldNames()));
  }

  @Test
  void typesWidenAndMergeAsInSpark() throws IOException {
    String path = file("types.csv", String.join("\n",
        "i,l,big,mix,dbl,d,ts,dts,b,s,nul,loose,inf",
        "1,1,12345678901234567890,1,1.5,2024-01-01,2024-01-01 10:00:00,2024-01-01,true,x,,2024-1-5,NaN",
        "2,3000000000,1,1.5,2,2024-02-29,2024-01-01T10:00:00Z,2024-01-01 10:00:00,FALSE,1,,2024-1-6,Inf",
        "3,4,99,12345678901234567890,-1e3,2024-12-31,2024-01-01T10:00:00.123+01:00,,True,true,,2024-1-7,1.0",
        ""));
    StructType schema = infer(opts("header", "true", "inferSchema", "true"), path);
    assertEquals(List.of(DataTypes.IntegerType, DataTypes.LongType, new DecimalType(20, 0), DataTypes.DoubleType,
        DataTypes.DoubleType, DataTypes.DateType, DataTypes.TimestampType, DataTypes.StringType,
        DataTypes.BooleanType, DataTypes.StringType, DataTypes.StringType, DataTypes.TimestampType,
        DataTypes.DoubleType), types(schema));
  }

  @Test
  void preferDateFalseAndCustomPatterns() throws IOException {
    String path = file("dates.csv", "d,t\n2024-01-01,01/02/2024 10:30\n");
    assertEquals(List.of(DataTypes.TimestampType, DataTypes.StringType),
        types(infer(opts("header", "true", "inferSchema", "true", "preferDate", "false"), path)));
    assertEquals(List.of(DataTypes.DateType, DataTypes.TimestampType),
        types(infer(opts("header", "true", "inferSchema", "true", "timestampFormat", "dd/MM/yyyy HH:mm"), path)));
    // A date pattern with time fields matches the second column; the first is then a cast-form timestamp.
    assertEquals(List.of(DataTypes.TimestampType, DataTypes.DateType),
        types(infer(opts("header", "true", "inferSchema", "true", "dateFormat", "dd/MM/yyyy HH:mm"), path)));
  }

  @Test
  void allFilesVoteAndEachFileHasItsHeader() throws IOException {
    String a = file("a.csv", "n,v\n1,x\n");
    String b = file("b.csv", "n,v\n2.5,y\n");
    String empty = file("c.csv", "");
    assertEquals(new StructType().add("n", DataTypes.DoubleType).add("v", DataTypes.StringType),
        infer(opts("header", "true", "inferSchema", "true"), empty, a, b));
  }

  @Test
  void samplingRatio() throws IOException {
    StringBuilder sb = new StringBuilder("n\n");
    for (int i = 0; i < 500; i++) {
      sb.append(i).append('\n');
    }
    String path = file("ints.csv", sb.toString());
    assertEquals(new StructType().add("n", DataTypes.IntegerType),
        infer(opts("header", "true", "inferSchema", "true", "samplingRatio", "0.1"), path));
    assertThrows(QuiverException.class, () -> infer(opts("inferSchema", "true", "samplingRatio", "0"), path));
  }

  @Test
  void noFilesCannotBeInferred() {
    AnalysisException e = assertThrows(AnalysisException.class, () -> infer(opts("header", "true")));
    assertEquals("UNABLE_TO_INFER_SCHEMA", e.getErrorClass());
  }

  @Test
  void mergeRules() {
    assertEquals(DataTypes.LongType, CsvTypeInference.merge(DataTypes.IntegerType, DataTypes.LongType));
    assertEquals(DataTypes.DoubleType, CsvTypeInference.merge(DataTypes.LongType, DataTypes.DoubleType));
    assertEquals(DataTypes.DoubleType, CsvTypeInference.merge(new DecimalType(20, 0), DataTypes.DoubleType));
    assertEquals(new DecimalType(20, 0), CsvTypeInference.merge(DataTypes.LongType, new DecimalType(5, 0)));
    assertEquals(new DecimalType(22, 2), CsvTypeInference.merge(new DecimalType(20, 0), new DecimalType(3, 2)));
    assertEquals(DataTypes.DoubleType, CsvTypeInference.merge(new DecimalType(38, 0), new DecimalType(3, 2)));
    assertEquals(DataTypes.StringType, CsvTypeInference.merge(DataTypes.DateType, DataTypes.TimestampType));
    assertEquals(DataTypes.BooleanType, CsvTypeInference.merge(DataTypes.NullType, DataTypes.BooleanType));
    assertEquals(null, CsvTypeInference.merge(DataTypes.IntegerType, DataTypes.BooleanType));
  }
}
