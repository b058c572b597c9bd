package dev.quiver.sql;

import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.logical.Aggregate;
import dev.quiver.sql.types.StructField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Spark's RelationalGroupedDataset: the result of {@code groupBy}, aggregated with {@code agg} or the
 * shortcuts. The output has the grouping columns first, then one column per aggregate.
 */
public final class GroupedData {
  private final DataFrame df;
  private final List<Expression> grouping;

  GroupedData(DataFrame df, List<Expression> grouping) {
    this.df = df;
    this.grouping = List.copyOf(grouping);
  }

  public DataFrame agg(Column expr, Column... exprs) {
    List<Column> all = new ArrayList<>();
    all.add(expr);
    all.addAll(List.of(exprs));
    return aggregate(all);
  }

  /** {@code agg(Map.of("age", "max", "salary", "avg"))}: function names by column. */
  public DataFrame agg(Map<String, String> exprs) {
    List<Column> all = new ArrayList<>();
    for (Map.Entry<String, String> e : exprs.entrySet()) {
      all.add(byName(e.getValue(), e.getKey()));
    }
    return aggregate(all);
  }

  static Column byName(String function, String column) {
    String f = function.toLowerCase(Locale.ROOT);
    switch (f) {
      case "count":
      case "size":
        return column.equals("*") ? functions.count("*") : functions.count(column);
      case "sum":
        return functions.sum(column);
      case "avg":
      case "mean":
      case "average":
        return functions.avg(column);
      case "min":
        return functions.min(column);
      case "max":
        return functions.max(column);
      case "first":
        return functions.first(column);
      case "last":
        return functions.last(column);
      case "stddev":
      case "std":
        return functions.stddev(column);
      case "variance":
        return functions.variance(column);
      default:
        return functions.call_function(function, functions.col(column));
    }
  }

  DataFrame aggregate(List<Column> aggs) {
    List<Expression> out = new ArrayList<>(grouping);
    for (Column c : aggs) {
      out.add(c.expr());
    }
    return df.derive(new Aggregate(grouping, out, df.plan()));
  }

  /** Number of rows per group, in a column named {@code count}. */
  public DataFrame count() {
    return aggregate(List.of(functions.count("*").as("count")));
  }

  public DataFrame sum(String... colNames) {
    return numeric("sum", colNames);
  }

  public DataFrame avg(String... colNames) {
    return numeric("avg", colNames);
  }

  public DataFrame mean(String... colNames) {
    return numeric("avg", colNames);
  }

  public DataFrame min(String... colNames) {
    return numeric("min", colNames);
  }

  public DataFrame max(String... colNames) {
    return numeric("max", colNames);
  }

  /** Without column names, every numeric column that is not a grouping column, as Spark does. */
  private DataFrame numeric(String function, String[] colNames) {
    List<String> names = new ArrayList<>(List.of(colNames));
    if (names.isEmpty()) {
      for (StructField f : df.schema().fieldList()) {
        if (f.dataType().isNumeric()) {
          names.add(f.name());
        }
      }
    } else {
      for (String n : names) {
        StructField f = df.schema().apply(df.resolveFieldIndex(n));
        if (!f.dataType().isNumeric()) {
          throw new AnalysisException("\"" + n + "\" is not a numeric column. Aggregation function can only be "
              + "applied on a numeric column.");
        }
      }
    }
    List<Column> aggs = new ArrayList<>();
    for (String n : names) {
      aggs.add(byName(function, n));
    }
    return aggregate(aggs);
  }
}
