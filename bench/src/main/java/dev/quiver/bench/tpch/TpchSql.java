package dev.quiver.bench.tpch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The SQL text of each TPC-H query (resources/tpch/qNN.sql), shared by the DuckDB and Spark engines. */
public final class TpchSql {
  private TpchSql() {}

  public static String text(String query) {
    int number = Integer.parseInt(query.substring(1));
    String resource = String.format(Locale.ROOT, "/tpch/q%02d.sql", number);
    try (InputStream in = TpchSql.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no SQL for query '" + query + "' (" + resource + ")");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
