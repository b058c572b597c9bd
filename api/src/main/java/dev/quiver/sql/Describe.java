package dev.quiver.sql;

import dev.quiver.planner.expressions.Literal;
import dev.quiver.planner.expressions.ScalarFunction;
import dev.quiver.planner.logical.LocalRelation;
import dev.quiver.sql.types.DataTypes;
import dev.quiver.sql.types.StringType;
import dev.quiver.sql.types.StructField;
import dev.quiver.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code describe(cols)}: Spark's summary rows count, mean, stddev, min and max, every value as a string.
 * Mean and stddev of a string column are those of its values read as doubles with try_cast semantics, as in
 * Spark: text that is not a number counts as null, so a column of numeric text has a mean and a stddev.
 */
final class Describe {
  private static final String[] STATS = {"count", "mean", "stddev", "min", "max"};

  private Describe() {}

  static DataFrame of(DataFrame df, String[] cols) {
    List<StructField> fields = new ArrayList<>();
    if (cols.length == 0) {
      for (StructField f : df.schema().fieldList()) {
        if (f.dataType().isNumeric() || f.dataType() instanceof StringType) {
          fields.add(f);
        }
      }
    } else {
      for (String c : cols) {
        fields.add(df.schema().apply(df.resolveFieldIndex(c)));
      }
    }
    List<Column> aggs = new ArrayList<>();
    for (StructField f : fields) {
      Column c = functions.col("`" + f.name().replace("`", "``") + "`");
      Column number = f.dataType().isNumeric() ? c : asDouble(c);
      aggs.add(functions.count(c).cast(DataTypes.StringType));
      aggs.add(functions.avg(number).cast(DataTypes.StringType));
      aggs.add(functions.stddev(number).cast(DataTypes.StringType));
      aggs.add(functions.min(c).cast(DataTypes.StringType));
      aggs.add(functions.max(c).cast(DataTypes.StringType));
    }
    List<List<Object>> rows = new ArrayList<>();
    StructType schema = new StructType().add("summary", DataTypes.StringType);
    for (StructField f : fields) {
      schema = schema.add(f.name(), DataTypes.StringType);
    }
    Row stats = aggs.isEmpty() ? null
        : df.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0])).collectAsList().get(0);
    for (int s = 0; s < STATS.length; s++) {
      List<Object> row = new ArrayList<>();
      row.add(STATS[s]);
      for (int f = 0; f < fields.size(); f++) {
        row.add(stats.get(f * STATS.length + s));
      }
      rows.add(row);
    }
    return new DataFrame(df.sparkSession(), LocalRelation.of(schema, rows));
  }

  /** try_cast(c AS DOUBLE), unnamed: it only feeds an aggregate. */
  private static Column asDouble(Column c) {
    return new Column(new ScalarFunction("try_cast", List.of(c.expr(), Literal.of(DataTypes.DoubleType.sql()))));
  }
}
