package dev.quiver.sql.types;

import dev.quiver.sql.AnalysisException;
import java.io.Serializable;

/**
 * The type of a column or an expression, with Spark's names: {@link #typeName()} as printSchema shows it,
 * {@link #simpleString()} as schemas and errors show it, and {@link #sql()} as SQL text and generated
 * column names ({@code CAST(x AS STRING)}) show it.
 */
public abstract class DataType implements Serializable {
  private static final long serialVersionUID = 1L;

  DataType() {}

  /** The name printSchema uses: {@code integer}, {@code long}, {@code decimal(10,2)}, {@code array}. */
  public abstract String typeName();

  /** The short name: {@code int}, {@code bigint}, {@code array<string>}, {@code struct<a:int>}. */
  public String simpleString() {
    return typeName();
  }

  /** Like {@link #simpleString()}, as catalogs print it. */
  public String catalogString() {
    return simpleString();
  }

  /** The SQL spelling: {@code INT}, {@code BIGINT}, {@code ARRAY<STRING>}. */
  public String sql() {
    return simpleString().toUpperCase(java.util.Locale.ROOT);
  }

  /** Bytes a value of this type takes, as Spark estimates it (used for size estimates). */
  public abstract int defaultSize();

  /**
   * Parses a type in DDL form ({@code int}, {@code decimal(10,2)}, {@code array<string>}). Text that is not a
   * type is an IllegalArgumentException with Spark's message ({@code [UNSUPPORTED_DATATYPE] Unsupported data
   * type "FOO". SQLSTATE: 0A000}, or PARSE_SYNTAX_ERROR) whose cause is the {@link AnalysisException} Spark's
   * parser raises: the SQL parser catches it to report the position in the query text, and the API's
   * {@code Column.cast(String)} and {@code StructType.fromDDL} raise the AnalysisException itself.
   */
  public static DataType fromDDL(String ddl) {
    try {
      return DdlParser.parseType(ddl);
    } catch (AnalysisException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** True for the integral and fractional numeric types, decimal included. */
  public boolean isNumeric() {
    return false;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName();
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass();
  }

  @Override
  public int hashCode() {
    return getClass().hashCode();
  }
}
