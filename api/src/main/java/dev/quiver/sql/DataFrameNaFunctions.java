package dev.quiver.sql;

import dev.quiver.sql.types.BooleanType;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.DoubleType;
import dev.quiver.sql.types.FloatType;
import dev.quiver.sql.types.StringType;
import dev.quiver.sql.types.StructField;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Spark's {@code df.na()}: dropping rows with nulls (or NaN) and filling nulls. Fill values apply only to
 * columns of a matching type (numbers to numeric columns, strings to string columns, booleans to booleans),
 * as in Spark.
 */
public final class DataFrameNaFunctions {
  private final DataFrame df;

  DataFrameNaFunctions(DataFrame df) {
    this.df = df;
  }

  public DataFrame drop() {
    return drop("any");
  }

  public DataFrame drop(String how) {
    return drop(how, df.columns());
  }

  public DataFrame drop(String[] cols) {
    return drop("any", cols);
  }

  /** {@code how} is "any" (drop a row with any null or NaN among {@code cols}) or "all" (only if all are). */
  public DataFrame drop(String how, String[] cols) {
    switch (how.toLowerCase(Locale.ROOT)) {
      case "any":
        return drop(cols.length, cols);
      case "all":
        return drop(1, cols);
      default:
        throw new IllegalArgumentException("how must be 'any' or 'all', but was '" + how + "'");
    }
  }

  public DataFrame drop(int minNonNulls) {
    return drop(minNonNulls, df.columns());
  }

  /** Keeps rows with at least {@code minNonNulls} non-null, non-NaN values among {@code cols}. */
  public DataFrame drop(int minNonNulls, String[] cols) {
    Column count = functions.lit(0);
    for (String c : cols) {
      StructField f = field(c);
      Column col = column(f);
      Column present = col.isNotNull();
      if (f.dataType() instanceof DoubleType || f.dataType() instanceof FloatType) {
        present = present.and(functions.not(col.isNaN()));
      }
      count = count.plus(functions.when(present, 1).otherwise(0));
    }
    return df.filter(count.geq(minNonNulls));
  }

  public DataFrame fill(long value) {
    return fillNumeric(value, df.columns());
  }

  public DataFrame fill(double value) {
    return fillNumeric(value, df.columns());
  }

  public DataFrame fill(String value) {
    return fillTyped(value, df.columns(), t -> t instanceof StringType);
  }

  public DataFrame fill(boolean value) {
    return fillTyped(value, df.columns(), t -> t instanceof BooleanType);
  }

  public DataFrame fill(long value, String[] cols) {
    return fillNumeric(value, cols);
  }

  public DataFrame fill(double value, String[] cols) {
    return fillNumeric(value, cols);
  }

  public DataFrame fill(String value, String[] cols) {
    return fillTyped(value, cols, t -> t instanceof StringType);
  }

  public DataFrame fill(boolean value, String[] cols) {
    return fillTyped(value, cols, t -> t instanceof BooleanType);
  }

  /** Per column: {@code Map.of("age", 0, "name", "unknown")}. */
  public DataFrame fill(Map<String, Object> valueMap) {
    Map<String, Column> cols = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : valueMap.entrySet()) {
      StructField f = field(e.getKey());
      cols.put(f.name(), functions.coalesce(column(f), functions.lit(e.getValue()).cast(f.dataType())));
    }
    return df.withColumns(cols);
  }

  private DataFrame fillNumeric(Object value, String[] cols) {
    return fillTyped(value, cols, DataType::isNumeric);
  }

  private DataFrame fillTyped(Object value, String[] cols, java.util.function.Predicate<DataType> accepts) {
    Map<String, Column> replaced = new LinkedHashMap<>();
    for (String c : cols) {
      StructField f = field(c);
      if (accepts.test(f.dataType())) {
        Column col = column(f);
        Column filled = functions.coalesce(col, functions.lit(value).cast(f.dataType()));
        if (f.dataType() instanceof DoubleType || f.dataType() instanceof FloatType) {
          filled = functions.when(col.isNaN(), functions.lit(value).cast(f.dataType())).otherwise(filled);
        }
        replaced.put(f.name(), filled);
      }
    }
    return replaced.isEmpty() ? df : df.withColumns(replaced);
  }

  private StructField field(String name) {
    return df.schema().apply(df.resolveFieldIndex(name));
  }

  private static Column column(StructField f) {
    return functions.col("`" + f.name().replace("`", "``") + "`");
  }
}
