package dev.quiver.bench.tpch;

import dev.quiver.sql.DataFrame;
import dev.quiver.sql.Session;
import io.trino.tpch.TpchTable;
import java.util.HashMap;
import java.util.Map;

/**
 * The eight TPC-H tables as DataFrames over the generated Parquet, read once per session as a Spark user
 * would keep them (files listed and the schema read once, not per query).
 */
public final class TpchTables {
  private final Map<String, DataFrame> tables = new HashMap<>();

  public TpchTables(Session session, TpchData data) {
    for (TpchTable<?> table : TpchTable.getTables()) {
      String name = table.getTableName();
      tables.put(name, session.read().parquet(data.parquet(name).toString()));
    }
  }

  public DataFrame lineitem() {
    return tables.get("lineitem");
  }

  public DataFrame orders() {
    return tables.get("orders");
  }

  public DataFrame customer() {
    return tables.get("customer");
  }

  public DataFrame part() {
    return tables.get("part");
  }

  public DataFrame partsupp() {
    return tables.get("partsupp");
  }

  public DataFrame supplier() {
    return tables.get("supplier");
  }

  public DataFrame nation() {
    return tables.get("nation");
  }

  public DataFrame region() {
    return tables.get("region");
  }
}
