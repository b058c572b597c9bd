package dev.quiver.sql;

import static dev.quiver.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stopping a session while a query runs ends that query with an error instead of leaving it waiting. */
class StopWhileRunningTest {
  @Test
  void aRunningQueryFailsWhenTheSessionStops() throws Exception {
    Session spark = Session.builder().master("local[2]").appName("stop").getOrCreate();
    CompletableFuture<Long> query = CompletableFuture.supplyAsync(() ->
        spark.range(0, 50_000_000L, 1, 8).groupBy(col("id").mod(1000)).count().count());
    Thread.sleep(500);
    spark.stop();
    Throwable failure = null;
    try {
      query.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      failure = e.getCause();
    }
    // Either the query finished before the stop took effect, or it failed promptly; it never hangs.
    if (failure != null) {
      assertNotNull(failure.getMessage());
      assertTrue(failure instanceof QuiverException, failure.toString());
    }
  }
}
