package dev.quiver.bench.tpch;

import io.trino.tpch.TpchTable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** DuckDB (in-process, 2 threads) answering the SQL text of each query over the same Parquet files. */
public final class DuckDbEngine implements QueryEngine {
  private final Connection connection;

  public DuckDbEngine(TpchData data) throws SQLException {
    connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement st = connection.createStatement()) {
      st.execute("SET threads = 2");
      for (TpchTable<?> table : TpchTable.getTables()) {
        String glob = data.parquet(table.getTableName()).resolve("*.parquet").toString().replace("'", "''");
        st.execute("CREATE VIEW " + table.getTableName() + " AS SELECT * FROM read_parquet('" + glob + "')");
      }
    }
  }

  @Override
  public List<List<Object>> run(String query) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(TpchSql.text(query))) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> values = new ArrayList<>(columns);
        for (int i = 1; i <= columns; i++) {
          values.add(rs.getObject(i));
        }
        rows.add(values);
      }
    }
    return rows;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
