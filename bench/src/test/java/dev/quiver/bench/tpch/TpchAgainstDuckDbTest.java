package dev.quiver.bench.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every TPC-H query, written in Quiver's DataFrame API, gives DuckDB's answer to the query's SQL text on the
 * same Parquet files, at scale factor 0.01 (generated once under target/).
 */
class TpchAgainstDuckDbTest {
  private static QueryEngine quiver;
  private static QueryEngine duckdb;

  @BeforeAll
  static void start() throws Exception {
    TpchData data = TpchData.at(Path.of("target", "tpch-test"), 0.01).ensureGenerated();
    quiver = QueryEngine.create("quiver", data);
    duckdb = QueryEngine.create("duckdb", data);
  }

  @AfterAll
  static void stop() throws Exception {
    if (quiver != null) {
      quiver.close();
    }
    if (duckdb != null) {
      duckdb.close();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyQueryAgreesWithDuckDb() {
    assertEquals(22, TpchQueries.all().size());
    return TpchQueries.all().keySet().stream().map(query -> DynamicTest.dynamicTest(query, () -> {
      List<List<Object>> expected = duckdb.run(query);
      assertFalse(expected.isEmpty(), () -> query + " has an empty answer at SF 0.01: it would check nothing");
      Optional<String> difference = Answers.difference(expected, quiver.run(query));
      assertEquals(Optional.empty(), difference, query);
    }));
  }
}
