package dev.quiver.planner.expressions;

/** Ascending or descending; each has Spark's default null ordering. */
public enum SortDirection {
  ASCENDING("ASC", NullOrdering.NULLS_FIRST),
  DESCENDING("DESC", NullOrdering.NULLS_LAST);

  private final String sql;
  private final NullOrdering defaultNullOrdering;

  SortDirection(String sql, NullOrdering defaultNullOrdering) {
    this.sql = sql;
    this.defaultNullOrdering = defaultNullOrdering;
  }

  public String sql() {
    return sql;
  }

  public NullOrdering defaultNullOrdering() {
    return defaultNullOrdering;
  }
}
