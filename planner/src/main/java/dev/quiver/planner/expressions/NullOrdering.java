package dev.quiver.planner.expressions;

/** Where nulls go in a sort. */
public enum NullOrdering {
  NULLS_FIRST("NULLS FIRST"),
  NULLS_LAST("NULLS LAST");

  private final String sql;

  NullOrdering(String sql) {
    this.sql = sql;
  }

  public String sql() {
    return sql;
  }
}
