package dev.quiver.bench.tpch;

import dev.quiver.sql.DataFrame;
import dev.quiver.sql.Row;
import dev.quiver.sql.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Quiver in local[2], running the DataFrame-API queries of {@link TpchQueries}. */
public final class QuiverEngine implements QueryEngine {
  private final Session session;
  private final TpchTables tables;

  public QuiverEngine(TpchData data) {
    session = Session.builder().appName("tpch").master("local[2]").getOrCreate();
    tables = new TpchTables(session, data);
  }

  @Override
  public List<List<Object>> run(String query) {
    Function<TpchTables, DataFrame> q = TpchQueries.all().get(query);
    if (q == null) {
      throw new IllegalArgumentException("unknown query '" + query + "'; use q1 .. q22");
    }
    List<List<Object>> rows = new ArrayList<>();
    for (Row row : q.apply(tables).collectAsList()) {
      List<Object> values = new ArrayList<>(row.length());
      for (int i = 0; i < row.length(); i++) {
        values.add(row.get(i));
      }
      rows.add(values);
    }
    return rows;
  }

  @Override
  public void close() {
    session.close();
  }
}
