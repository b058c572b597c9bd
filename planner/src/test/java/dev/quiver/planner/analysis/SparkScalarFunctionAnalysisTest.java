package dev.quiver.planner.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.logical.LocalRelation;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.SubqueryAlias;
import dev.quiver.planner.parser.SqlParser;
import dev.quiver.sql.AnalysisException;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The try_*, hash, collection, datetime and random functions resolve with Spark's generated names, result
 * types (including its defaults filled into the call) and Spark's analysis errors.
 */
class SparkScalarFunctionAnalysisTest {
  private static final dev.quiver.sql.types.StructType T = dev.quiver.sql.types.StructType.fromDDL(
      "id INT, s STRING, x INT, d DECIMAL(10,2), b BOOLEAN, arr ARRAY<INT>, m MAP<STRING,INT>");

  private static LogicalPlan parse(String sql) {
    return SqlParser.parseQuery(sql, name -> new SubqueryAlias(name, LocalRelation.of(T, List.of())),
        ZoneOffset.UTC);
  }

  private static LogicalPlan analyze(String sql) {
    return new Analyzer().analyze(parse(sql));
  }

  private static List<String> names(LogicalPlan p) {
    return p.output().stream().map(AttributeReference::name).toList();
  }

  private static List<String> types(LogicalPlan p) {
    return p.output().stream().map(a -> a.dataType().simpleString()).toList();
  }

  private static AnalysisException fails(String sql) {
    return assertThrows(AnalysisException.class, () -> analyze(sql));
  }

  @Test
  void tryFunctionsKeepTheOperatorsTypes() {
    LogicalPlan p = analyze("SELECT try_divide(x, id), try_add(x, 1), try_mod(x, 2), try_multiply(d, 2), "
        + "try_subtract(s, 1), try_cast(s AS INT), TRY_CAST(x + 1 AS STRING), try_cast(s AS INT) + 1 FROM t");
    assertEquals(List.of("try_divide(x, id)", "try_add(x, 1)", "try_mod(x, 2)", "try_multiply(d, 2)",
        "try_subtract(s, 1)", "s", "TRY_CAST((x + 1) AS STRING)", "(TRY_CAST(s AS INT) + 1)"), names(p));
    assertEquals(List.of("double", "int", "int", "decimal(21,2)", "bigint", "int", "string", "int"), types(p));
    assertTrue(p.output().get(1).nullable(), "try_ results are nullable even over non-null inputs");
  }

  @Test
  void tryFunctionsRefuseWhatTheOperatorRefuses() {
    AnalysisException e = fails("SELECT try_add(x, b) FROM t");
    assertEquals("DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE", e.getErrorClass());
    assertTrue(e.getMessage().contains("\"try_add(x, b)\""), e.getMessage());
    assertEquals("DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION",
        fails("SELECT try_cast(arr AS INT) FROM t").getErrorClass());
  }

  @Test
  void hashesNameTheirArgumentsAndRefuseMaps() {
    LogicalPlan p = analyze("SELECT md5(s), sha2(s, 256), crc32(s), hash(s, x), xxhash64(arr) FROM t");
    assertEquals(List.of("md5(s)", "sha2(s, 256)", "crc32(s)", "hash(s, x)", "xxhash64(arr)"), names(p));
    assertEquals(List.of("string", "string", "bigint", "int", "bigint"), types(p));
    AnalysisException e = fails("SELECT hash(x, m) FROM t");
    assertEquals("DATATYPE_MISMATCH.HASH_MAP_TYPE", e.getErrorClass());
    assertTrue(e.getMessage().contains("spark.sql.legacy.allowHashOnMapType"), e.getMessage());
  }

  @Test
  void collectionFunctionsTakeTheElementType() {
    LogicalPlan p = analyze("SELECT element_at(arr, 1), element_at(m, 'k'), try_element_at(arr, '2'), "
        + "sort_array(arr), sort_array(arr, false), array_size(arr), array(x, 1.5) FROM t");
    assertEquals(List.of("element_at(arr, 1)", "element_at(m, k)", "try_element_at(arr, 2)", "sort_array(arr, true)",
        "sort_array(arr, false)", "array_size(arr)", "array(x, 1.5)"), names(p));
    assertEquals(List.of("int", "int", "int", "array<int>", "array<int>", "int", "array<decimal(11,1)>"), types(p));
    assertEquals("DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", fails("SELECT element_at(arr, b) FROM t")
        .getErrorClass());
    assertEquals("DATATYPE_MISMATCH.CREATE_NAMED_STRUCT_WITHOUT_FOLDABLE_STRING",
        fails("SELECT named_struct(s, 1) FROM t").getErrorClass());
  }

  @Test
  void datetimeDefaultsAreFilledIntoTheName() {
    LogicalPlan p = analyze("SELECT unix_timestamp(s), from_unixtime(id), date_trunc('HOUR', s), trunc(s, 'MM'), "
        + "trim(BOTH 'SL' FROM s), trim(LEADING 'SL' FROM s) FROM t");
    assertEquals(List.of("unix_timestamp(s, yyyy-MM-dd HH:mm:ss)", "from_unixtime(id, yyyy-MM-dd HH:mm:ss)",
        "date_trunc(HOUR, s)", "trunc(s, MM)", "TRIM(BOTH SL FROM s)", "TRIM(LEADING SL FROM s)"), names(p));
    assertEquals(List.of("bigint", "string", "timestamp", "date", "string", "string"), types(p));
  }

  @Test
  void randHidesAChosenSeedAndNeedsAConstantOne() {
    LogicalPlan parsed = parse("SELECT rand(), randn(7), rand(NULL) FROM t");
    LogicalPlan p = new Analyzer().analyze(parsed);
    assertEquals(List.of("rand()", "randn(7)", "rand(NULL)"), names(p));
    assertEquals(List.of("double", "double", "double"), types(p));
    assertEquals(p.toString().replaceAll("exprId=#\\d+", ""),
        new Analyzer().analyze(parsed).toString().replaceAll("exprId=#\\d+", ""), "the chosen seed is drawn once");
    assertEquals("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", fails("SELECT rand(x) FROM t").getErrorClass());
  }
}
