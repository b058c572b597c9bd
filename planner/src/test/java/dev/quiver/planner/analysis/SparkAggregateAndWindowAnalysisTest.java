package dev.quiver.planner.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiver.planner.expressions.AggregateCall;
import dev.quiver.planner.expressions.AggregateFunction;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Cast;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.expressions.Expressions;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.planner.logical.Aggregate;
import dev.quiver.planner.logical.LocalRelation;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.SubqueryAlias;
import dev.quiver.planner.logical.Window;
import dev.quiver.planner.parser.SqlParser;
import dev.quiver.planner.physical.AggregateBuffers;
import dev.quiver.sql.AnalysisException;
import dev.quiver.sql.QuiverException;
import dev.quiver.sql.types.ArrayType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.StructType;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SQL names of the aggregates and window functions added for Spark parity resolve to the right calls, with
 * Spark's generated names, result types, nullability, implicit casts and errors.
 */
class SparkAggregateAndWindowAnalysisTest {
  private static final StructType T = StructType.fromDDL(
      "id INT, s STRING, x INT, y DOUBLE, d DECIMAL(10,2), b BOOLEAN, arr ARRAY<INT>, m MAP<STRING,INT>");

  private static LogicalPlan analyze(String sql) {
    LogicalPlan parsed = SqlParser.parseQuery(sql, name -> new SubqueryAlias(name, LocalRelation.of(T, List.of())),
        ZoneOffset.UTC);
    return new Analyzer().analyze(parsed);
  }

  private static List<String> names(LogicalPlan p) {
    List<String> out = new ArrayList<>();
    for (AttributeReference a : p.output()) {
      out.add(a.name());
    }
    return out;
  }

  private static List<DataType> types(LogicalPlan p) {
    List<DataType> out = new ArrayList<>();
    for (AttributeReference a : p.output()) {
      out.add(a.dataType());
    }
    return out;
  }

  private static <T extends LogicalPlan> T find(LogicalPlan p, Class<T> type) {
    if (type.isInstance(p)) {
      return type.cast(p);
    }
    for (LogicalPlan c : p.children()) {
      T found = find(c, type);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static List<AggregateCall> calls(LogicalPlan p) {
    List<AggregateCall> out = new ArrayList<>();
    for (Expression e : find(p, Aggregate.class).aggregateExpressions()) {
      Expressions.transformDown(e, x -> {
        if (x instanceof AggregateCall c) {
          out.add(c);
        }
        return x;
      });
    }
    return out;
  }

  @Test
  void aggregatesResolveWithSparksNamesAndTypes() {
    LogicalPlan p = analyze("SELECT collect_list(x), collect_set(s), array_agg(y), approx_count_distinct(s), "
        + "approx_count_distinct(x, 0.1), stddev_pop(x), var_pop(d), corr(x, y), covar_samp(x, d), covar_pop(y, y), "
        + "any_value(s), any_value(x, true), count_if(b), bool_and(b), every(b), bool_or(b), some(b), any(b), "
        + "max_by(s, x), min_by(arr, s), first_value(x), last_value(s, true), first(x, true) FROM t");
    assertEquals(List.of("collect_list(x)", "collect_set(s)", "array_agg(y)", "approx_count_distinct(s)",
        "approx_count_distinct(x)", "stddev_pop(x)", "var_pop(d)", "corr(x, y)", "covar_samp(x, d)",
        "covar_pop(y, y)", "any_value(s)", "any_value(x) ignore nulls", "count_if(b)", "bool_and(b)", "every(b)",
        "bool_or(b)", "some(b)", "any(b)", "max_by(s, x)", "min_by(arr, s)", "first_value(x)",
        "last_value(s) ignore nulls", "first(x) ignore nulls"), names(p));
    DataType d = DataTypes.DoubleType;
    DataType bool = DataTypes.BooleanType;
    assertEquals(List.of(new ArrayType(DataTypes.IntegerType, false), new ArrayType(DataTypes.StringType, false),
        new ArrayType(d, false), DataTypes.LongType, DataTypes.LongType, d, d, d, d, d, DataTypes.StringType,
        DataTypes.IntegerType, DataTypes.LongType, bool, bool, bool, bool, bool, DataTypes.StringType,
        new ArrayType(DataTypes.IntegerType, true), DataTypes.IntegerType, DataTypes.StringType,
        DataTypes.IntegerType), types(p));
    List<Boolean> nullable = new ArrayList<>();
    for (AttributeReference a : p.output()) {
      nullable.add(a.nullable());
    }
    assertEquals(List.of(false, false, false, false, false), nullable.subList(0, 5));
    assertEquals(false, nullable.get(12));
    assertTrue(nullable.subList(5, 12).stream().allMatch(x -> x));
    // The moment family reads doubles; the call keeps Spark's name for the column.
    List<AggregateCall> calls = calls(p);
    assertInstanceOf(Cast.class, calls.get(5).args().get(0));
    assertEquals(DataTypes.DoubleType, calls.get(8).args().get(1).dataType());
    assertEquals(AggregateFunction.BOOL_OR, calls.get(17).function().canonical());
    assertTrue(calls.get(11).ignoreNulls());
    // Every call has a buffer layout.
    for (AggregateCall c : calls) {
      assertTrue(AggregateBuffers.bufferTypes(c).size() >= 1, c.sql());
    }
  }

  @Test
  void badArgumentsFailAsInSpark() {
    AnalysisException e = assertThrows(AnalysisException.class, () -> analyze("SELECT corr(x) FROM t"));
    assertTrue(e.getMessage().contains("The `corr` requires 2 parameters but the actual number is 1"), e.getMessage());
    e = assertThrows(AnalysisException.class, () -> analyze("SELECT any_value(x, true, 1) FROM t"));
    assertTrue(e.getMessage().contains("requires [1, 2] parameters"), e.getMessage());
    e = assertThrows(AnalysisException.class, () -> analyze("SELECT first(x, b) FROM t"));
    assertTrue(e.getMessage().contains("should be a boolean literal"), e.getMessage());
    e = assertThrows(AnalysisException.class, () -> analyze("SELECT bool_and(x) FROM t"));
    assertTrue(e.getMessage().contains("UNEXPECTED_INPUT_TYPE") || e.getMessage().contains("\"BOOLEAN\""),
        e.getMessage());
    e = assertThrows(AnalysisException.class, () -> analyze("SELECT count_if(s) FROM t"));
    assertTrue(e.getMessage().contains("\"BOOLEAN\""), e.getMessage());
    e = assertThrows(AnalysisException.class, () -> analyze("SELECT var_pop(b) FROM t"));
    assertTrue(e.getMessage().contains("\"DOUBLE\""), e.getMessage());
    e = assertThrows(AnalysisException.class, () -> analyze("SELECT collect_set(m) FROM t"));
    assertTrue(e.getMessage().contains("The input of `collect_set` can't be \"MAP\" type data."), e.getMessage());
    e = assertThrows(AnalysisException.class, () -> analyze("SELECT max_by(x, m) FROM t"));
    assertTrue(e.getMessage().contains("INVALID_ORDERING_TYPE"), e.getMessage());
    QuiverException q = assertThrows(QuiverException.class,
        () -> analyze("SELECT approx_count_distinct(x, 0.5) FROM t"));
    assertTrue(q.getMessage().contains("at most 39%"), q.getMessage());
    e = assertThrows(AnalysisException.class, () -> analyze("SELECT approx_count_distinct(x, x) FROM t"));
    assertTrue(e.getMessage().contains("double literal"), e.getMessage());
  }

  @Test
  void windowFunctionsResolveWithSparksNames() {
    LogicalPlan p = analyze("SELECT lag(x) OVER (ORDER BY id) AS a, lead(s, 2, 'z') OVER (ORDER BY id) AS b, "
        + "lag(x, 1, 0) OVER (PARTITION BY s ORDER BY id) AS c, nth_value(s, 2) OVER (ORDER BY id) AS d, "
        + "nth_value(x, 3, true) OVER (ORDER BY id) AS e, cume_dist() OVER (ORDER BY x) AS f, "
        + "first_value(x) OVER (ORDER BY id) AS g FROM t");
    assertEquals(List.of(DataTypes.IntegerType, DataTypes.StringType, DataTypes.IntegerType, DataTypes.StringType,
        DataTypes.IntegerType, DataTypes.DoubleType, DataTypes.IntegerType), types(p));
    List<String> functionNames = new ArrayList<>();
    Window w = find(p, Window.class);
    List<Expression> all = new ArrayList<>();
    for (LogicalPlan q = w; q instanceof Window win; q = win.child()) {
      all.addAll(0, win.windowExpressions());
    }
    for (Expression e : all) {
      Expressions.transformDown(e, x -> {
        if (x instanceof ScalarFunction f || x instanceof AggregateCall) {
          functionNames.add(x.sql());
        }
        return x;
      });
    }
    assertTrue(functionNames.contains("lag(x, 1, NULL)"), functionNames.toString());
    assertTrue(functionNames.contains("lead(s, 2, z)"), functionNames.toString());
    assertTrue(functionNames.contains("lag(x, 1, 0)"), functionNames.toString());
    assertTrue(functionNames.contains("nth_value(s, 2)"), functionNames.toString());
    assertTrue(functionNames.contains("nth_value(x, 3) ignore nulls"), functionNames.toString());
    assertTrue(functionNames.contains("cume_dist()"), functionNames.toString());
    assertTrue(functionNames.contains("first_value(x)"), functionNames.toString());
    assertEquals(false, p.output().get(5).nullable());
  }

  @Test
  void windowFunctionsNeedAnOrderAndConstantOffsets() {
    AnalysisException e = assertThrows(AnalysisException.class, () -> analyze("SELECT lag(x) OVER () FROM t"));
    assertTrue(e.getMessage().contains("WINDOW_FUNCTION_WITHOUT_ORDER") || e.getMessage().contains("ordered"),
        e.getMessage());
    e = assertThrows(AnalysisException.class, () -> analyze("SELECT lag(x, id) OVER (ORDER BY id) FROM t"));
    assertTrue(e.getMessage().contains("NON_FOLDABLE_INPUT") || e.getMessage().contains("foldable"), e.getMessage());
    e = assertThrows(AnalysisException.class, () -> analyze("SELECT nth_value(x, 0) OVER (ORDER BY id) FROM t"));
    assertTrue(e.getMessage().contains("The offset must be between (0, 9223372036854775807]"), e.getMessage());
    e = assertThrows(AnalysisException.class, () -> analyze("SELECT cume_dist() FROM t"));
    assertTrue(e.getMessage().contains("OVER"), e.getMessage());
    e = assertThrows(AnalysisException.class, () -> analyze("SELECT lag(arr, 1, 'x') OVER (ORDER BY id) FROM t"));
    assertTrue(e.getMessage().contains("UNEXPECTED_INPUT_TYPE") || e.getMessage().contains("third"), e.getMessage());
  }
}
