package dev.quiver.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Checks that an optimization a setting turns off changes no answer: the same rows with it off and on. */
final class SettingEffects {
  private SettingEffects() {}

  /** Runs {@code query} with {@code key} false, then true, and asserts the same non-empty rows (in any order). */
  static void sameRowsWithAndWithout(Session spark, String key, Supplier<DataFrame> query) {
    try {
      spark.conf().set(key, "false");
      List<String> without = sortedRows(query.get());
      spark.conf().set(key, "true");
      List<String> with = sortedRows(query.get());
      assertFalse(without.isEmpty());
      assertEquals(without, with);
    } finally {
      spark.conf().unset(key);
    }
  }

  static List<String> sortedRows(DataFrame df) {
    return df.collectAsList().stream().map(Row::toString).sorted().collect(Collectors.toList());
  }
}
