package dev.quiver.driver.catalog;

import dev.quiver.planner.analysis.CastRules;
import dev.quiver.planner.analysis.TypeCoercion;
import dev.quiver.planner.expressions.Alias;
import dev.quiver.planner.expressions.AttributeReference;
import dev.quiver.planner.expressions.Cast;
import dev.quiver.planner.expressions.Expression;
import dev.quiver.planner.logical.LogicalPlan;
import dev.quiver.planner.logical.Project;
import dev.quiver.sql.AnalysisException;
import dev.quiver.sql.types.DataType;
import dev.quiver.sql.types.StructField;
import java.util.ArrayList;
import java.util.List;

/**
 * Lines up the rows written into an existing table with the table's columns, as Spark does: by name for
 * {@code saveAsTable} in append mode, by position for {@code insertInto}; values are cast to the table's
 * types (numbers widen or narrow with overflow checks; other changes must be implicit casts).
 */
public final class TableWrites {
  private TableWrites() {}

  /** {@code analyzed}'s columns reordered and cast to {@code table}'s, matched by name (case-insensitively). */
  public static LogicalPlan byName(LogicalPlan analyzed, TableMetadata table) {
    List<AttributeReference> data = analyzed.output();
    List<Expression> list = new ArrayList<>();
    for (StructField f : table.schema().fieldList()) {
      AttributeReference match = null;
      for (AttributeReference a : data) {
        if (a.name().equalsIgnoreCase(f.name())) {
          match = a;
          break;
        }
      }
      if (match == null) {
        throw new AnalysisException("INCOMPATIBLE_DATA_FOR_TABLE.CANNOT_FIND_DATA", "Cannot write incompatible "
            + "data for the table " + quoted(table) + ": Cannot find data for the output column `" + f.name()
            + "`. The data has the columns " + names(data) + ".", "KD000");
      }
      list.add(assign(match, f, table));
    }
    if (data.size() > table.schema().length()) {
      throw arity(table, data, "too many data columns");
    }
    return new Project(list, analyzed);
  }

  /** {@code analyzed}'s columns cast to {@code table}'s, matched by position. */
  public static LogicalPlan byPosition(LogicalPlan analyzed, TableMetadata table) {
    List<AttributeReference> data = analyzed.output();
    List<StructField> fields = table.schema().fieldList();
    if (data.size() != fields.size()) {
      throw arity(table, data, data.size() > fields.size() ? "too many data columns" : "not enough data columns");
    }
    List<Expression> list = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      list.add(assign(data.get(i), fields.get(i), table));
    }
    return new Project(list, analyzed);
  }

  private static Expression assign(AttributeReference value, StructField column, TableMetadata table) {
    DataType from = value.dataType();
    DataType to = column.dataType();
    boolean ok = from.equals(to) || TypeCoercion.isNumeric(from) && TypeCoercion.isNumeric(to)
        || TypeCoercion.canImplicitCast(from, to) && CastRules.canCast(from, to);
    if (!ok) {
      throw new AnalysisException("INCOMPATIBLE_DATA_FOR_TABLE.CANNOT_SAFELY_CAST", "Cannot write incompatible "
          + "data for the table " + quoted(table) + ": Cannot safely cast `" + column.name() + "` \"" + from.sql()
          + "\" to \"" + to.sql() + "\". Cast the column explicitly before writing.", "KD000");
    }
    return new Alias(from.equals(to) ? value : new Cast(value, to, false), column.name());
  }

  private static AnalysisException arity(TableMetadata table, List<AttributeReference> data, String reason) {
    List<String> tableCols = new ArrayList<>();
    for (StructField f : table.schema().fieldList()) {
      tableCols.add("`" + f.name() + "`");
    }
    String sub = reason.startsWith("too many") ? "TOO_MANY_DATA_COLUMNS" : "NOT_ENOUGH_DATA_COLUMNS";
    return new AnalysisException("INSERT_COLUMN_ARITY_MISMATCH." + sub, "Cannot write to " + quoted(table)
        + ", the reason is " + reason + ": Table columns: " + String.join(", ", tableCols) + ". Data columns: "
        + names(data) + ".", "21S01");
  }

  private static String names(List<AttributeReference> attrs) {
    List<String> out = new ArrayList<>();
    for (AttributeReference a : attrs) {
      out.add("`" + a.name() + "`");
    }
    return String.join(", ", out);
  }

  private static String quoted(TableMetadata table) {
    return "`spark_catalog`.`default`.`" + table.name() + "`";
  }
}
